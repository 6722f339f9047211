import { build } from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

/** Bundles a server entry point the way esbuild.mjs ships it, into a temp dir; returns the .js path. */
export async function bundle(entry: 'server' | 'cli'): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-server-'));
  const outfile = path.join(dir, `${entry}.js`);
  await build({
    entryPoints: [path.join(root, 'server', 'src', `${entry}.ts`)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  return outfile;
}
