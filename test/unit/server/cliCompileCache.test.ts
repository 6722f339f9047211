// berth-lint's bin turns on Node's compile cache in the OS's cache folder; a folder it cannot
// write must change nothing but the speed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as nodeModule from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { build, stop } from 'esbuild';
import { compileCacheDir } from '../../../server/src/cli/compileCache';

const root = path.resolve(__dirname, '..', '..', '..');
let scratch: string;
let bin: string;

before(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-lint-cache-'));
  // The two files of the package, bundled as esbuild.mjs does.
  await build({
    entryPoints: {
      'berth-lint': path.join(root, 'server', 'src', 'cli', 'bin.ts'),
      'berth-lint-cli': path.join(root, 'server', 'src', 'cli', 'main.ts'),
    },
    outdir: path.join(scratch, 'dist'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'error',
  });
  await stop();
  bin = path.join(scratch, 'dist', 'berth-lint.js');
  fs.writeFileSync(path.join(scratch, 'Dockerfile'), 'FROM alpine:3.20\nEXPOSE 80:80\n');
});

after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function lint(cacheHome: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' };
  delete env.NODE_COMPILE_CACHE;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  return spawnSync(process.execPath, [bin, '--format', 'gnu', 'Dockerfile'], {
    cwd: scratch,
    env,
    encoding: 'utf8',
  });
}

const expected = /^Dockerfile:2:8: error: `80:80` is a publish mapping[^\n]*\[expose-host-mapping\]\n$/;

void test('the cache folder is the OS’s cache folder for each platform', () => {
  assert.equal(compileCacheDir('linux', {}, '/home/u'), '/home/u/.cache/berth-lint');
  assert.equal(
    compileCacheDir('linux', { XDG_CACHE_HOME: '/var/cache/u' }, '/home/u'),
    '/var/cache/u/berth-lint',
  );
  // The XDG spec says a relative path is to be ignored.
  assert.equal(compileCacheDir('linux', { XDG_CACHE_HOME: 'rel' }, '/home/u'), '/home/u/.cache/berth-lint');
  assert.equal(compileCacheDir('darwin', {}, '/Users/u'), '/Users/u/Library/Caches/berth-lint');
  assert.equal(
    compileCacheDir('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'C:\\Users\\u'),
    'C:\\Users\\u\\AppData\\Local\\berth-lint\\Cache',
  );
});

void test('the bin lints and leaves compiled code in the cache folder (Node 22.1 and later)', (t) => {
  if (!('enableCompileCache' in nodeModule))
    return t.skip(`Node ${process.version} has no module.enableCompileCache`);
  const cacheHome = path.join(scratch, 'cache');
  const first = lint(cacheHome);
  assert.equal(first.status, 1, first.stderr);
  assert.match(first.stdout, expected);
  const folder = path.join(cacheHome, 'berth-lint');
  const files = fs.readdirSync(folder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  assert.ok(files.length > 0, `nothing cached under ${folder}`);
  const second = lint(cacheHome);
  assert.equal(second.stdout, first.stdout);
  assert.equal(second.stderr, '');
});

void test('a cache folder that cannot be made changes neither the output nor the exit code', () => {
  // A path under a regular file cannot be created, not even by root.
  const blocker = path.join(scratch, 'not-a-folder');
  fs.writeFileSync(blocker, '');
  const r = lint(path.join(blocker, 'cache'));
  assert.equal(r.status, 1);
  assert.match(r.stdout, expected);
  assert.equal(r.stderr, '');
});
