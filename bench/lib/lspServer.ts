// What the benches that talk LSP share: the server bundled as shipped, and the 200-line file.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(__dirname, '..', '..');

/** The 200-line file: the first 200 lines of a real Dockerfile from the corpus. */
export const twoHundredLineSource = path.resolve(
  root,
  '..',
  'shared',
  'corpus',
  'real',
  'docker-library+postgres__14__bookworm__Dockerfile',
);

/** The language server bundled as esbuild.mjs ships it (minified), in a temp dir; its path. */
export async function bundledServer(): Promise<string> {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'berth-bench-server-')), 'server.js');
  await build({
    entryPoints: [path.join(root, 'server', 'src', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    outfile,
    logLevel: 'error',
  });
  return outfile;
}

/** The first 200 lines, without a dangling line continuation at the cut. */
export function twoHundredLines(text: string): string {
  const lines = text.split('\n').slice(0, 200);
  lines[199] = lines[199].replace(/\s*\\$/, '');
  return lines.join('\n') + '\n';
}

export function percentile(ms: number[], p: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}
