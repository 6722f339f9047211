import { build, stop } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

const entries = {
  server: path.join(root, 'server', 'src', 'main.ts'),
  cli: path.join(root, 'server', 'src', 'cli', 'main.ts'),
};

/** Bundles a server entry point the way esbuild.mjs ships it, into a temp dir; returns the .js path. */
export async function bundle(entry: keyof typeof entries): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-server-'));
  const outfile = path.join(dir, `${entry}.js`);
  await build({
    entryPoints: [entries[entry]],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  // esbuild's service process otherwise sometimes keeps the test file's process from exiting
  // after its last test; the next bundle starts a new one.
  await stop();
  return outfile;
}
