// VSIX benchmark: the size of what ships, its file count and its largest entries. Packages first
// when dist/berth.vsix is missing or older than anything it is built from.
//
//   node --import tsx bench/vsix.ts [--top 10]
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { recordFigure } from './lib/summary';

const repoRoot = path.resolve(__dirname, '..');
export const vsixPath = path.join(repoRoot, 'dist', 'berth.vsix');

/** What `npm run package` reads: sources, manifests, translations and shipped assets. */
const inputs = [
  'client/src',
  'server/src',
  'common',
  'l10n',
  'media',
  'syntaxes',
  'package.json',
  'package.nls.json',
  'package.nls.zh-cn.json',
  'esbuild.mjs',
  '.vscodeignore',
  'README.md',
];

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** dist/berth.vsix, packaged now unless it is newer than every input. */
export function freshVsix(): string {
  const built = existsSync(vsixPath) ? statSync(vsixPath).mtimeMs : 0;
  const newestInput = Math.max(...inputs.map((input) => newestMtime(path.join(repoRoot, input))));
  if (built > newestInput) return vsixPath;
  console.log('packaging dist/berth.vsix (missing or older than its sources)…');
  const result = spawnSync('npm', ['run', '--silent', 'package'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`npm run package failed:\n${result.stdout}${result.stderr}`);
  return vsixPath;
}

interface Entry {
  name: string;
  size: number;
  compressed: number;
}

/** The entries as `unzip -v` lists them: "length method size ratio date time crc name". */
async function listEntries(vsix: string): Promise<Entry[]> {
  const { stdout } = await promisify(execFile)('unzip', ['-v', vsix], { maxBuffer: 64 * 1024 * 1024 });
  const entries: Entry[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^\s*(\d+)\s+\S+\s+(\d+)\s+\S+\s+\S+\s+\S+\s+[0-9a-f]{8}\s+(.+)$/.exec(line);
    if (match && !match[3].endsWith('/'))
      entries.push({ name: match[3], size: Number(match[1]), compressed: Number(match[2]) });
  }
  return entries;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex > 0 ? Number(process.argv[topIndex + 1]) : 10;
  const vsix = freshVsix();
  const entries = await listEntries(vsix);
  const unpacked = entries.reduce((sum, entry) => sum + entry.size, 0);
  console.log(`VSIX ${path.relative(repoRoot, vsix)}: ${kb(statSync(vsix).size)} compressed`);
  recordFigure({ bench: 'vsix', figure: 'VSIX size', value: statSync(vsix).size / 1024, unit: 'KB' });
  console.log(`  ${entries.length} files, ${kb(unpacked)} unpacked`);
  console.log(`  largest ${top} (unpacked, compressed):`);
  for (const entry of [...entries].sort((a, b) => b.size - a.size).slice(0, top))
    console.log(`    ${kb(entry.size).padStart(10)} ${kb(entry.compressed).padStart(10)}  ${entry.name}`);
  const maps = entries.filter((entry) => entry.name.endsWith('.map'));
  if (maps.length > 0) {
    const mapBytes = maps.reduce((sum, entry) => sum + entry.compressed, 0);
    console.log(`  source maps: ${maps.length} files, ${kb(mapBytes)} compressed`);
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
