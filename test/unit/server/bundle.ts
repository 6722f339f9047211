import { build, stop } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

const entries = {
  server: path.join(root, 'server', 'src', 'main.ts'),
  cli: path.join(root, 'server', 'src', 'cli', 'main.ts'),
};

/** The temp dirs this process bundled into, removed as it exits (the bundle runs until then). */
const madeDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-server-'));
  if (madeDirs.length === 0)
    process.once('exit', () => {
      for (const made of madeDirs) fs.rmSync(made, { recursive: true, force: true });
    });
  madeDirs.push(dir);
  return dir;
}

/** Bundles a server entry point the way esbuild.mjs ships it, into a temp dir; returns the .js path. */
export async function bundle(entry: keyof typeof entries): Promise<string> {
  const dir = tempDir();
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
