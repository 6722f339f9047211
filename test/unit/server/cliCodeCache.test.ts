// berth-lint's bin keeps V8's code cache of the CLI in the OS's cache folder; a folder it cannot
// write, or a cache V8 refuses, must change nothing but the speed.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { build, stop } from 'esbuild';
import { createHash } from 'node:crypto';
import { bundleKey, bundleKeyMarker, codeCacheDir } from '../../../server/src/cli/codeCache';

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

function lint(cacheHome: string, extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1' };
  delete env.NODE_DISABLE_COMPILE_CACHE;
  Object.assign(env, extra);
  return spawnSync(process.execPath, [bin, '--format', 'gnu', 'Dockerfile'], {
    cwd: scratch,
    env,
    encoding: 'utf8',
  });
}

const expected = /^Dockerfile:2:8: error: `80:80` is a publish mapping[^\n]*\[expose-host-mapping\]\n$/;

void test('the cache folder is the OS’s cache folder for each platform', () => {
  assert.equal(codeCacheDir('linux', {}, '/home/u'), '/home/u/.cache/berth-lint');
  assert.equal(
    codeCacheDir('linux', { XDG_CACHE_HOME: '/var/cache/u' }, '/home/u'),
    '/var/cache/u/berth-lint',
  );
  // The XDG spec says a relative path is to be ignored.
  assert.equal(codeCacheDir('linux', { XDG_CACHE_HOME: 'rel' }, '/home/u'), '/home/u/.cache/berth-lint');
  assert.equal(codeCacheDir('darwin', {}, '/Users/u'), '/Users/u/Library/Caches/berth-lint');
  assert.equal(
    codeCacheDir('win32', { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local' }, 'C:\\Users\\u'),
    'C:\\Users\\u\\AppData\\Local\\berth-lint\\Cache',
  );
});

void test('a bundle is known by the hash esbuild.mjs wrote at its end, or else by hashing it', () => {
  const code = '"use strict";\nrun();\n';
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const written = 'ab'.repeat(32);
  assert.equal(bundleKey(`${code}${bundleKeyMarker.slice(1)}${written}\n`), written.slice(0, 32));
  assert.equal(bundleKey(code), sha(code).slice(0, 32));
  const garbled = `${code}${bundleKeyMarker.slice(1)}not-a-hash\n`;
  assert.equal(bundleKey(garbled), sha(garbled).slice(0, 32));
});

function cacheFiles(folder: string): string[] {
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((n) => n.endsWith('.v8cache')) : [];
}

void test('the bin lints, leaves the compiled code in the cache folder and lints the same with it', () => {
  const cacheHome = path.join(scratch, 'cache');
  const folder = path.join(cacheHome, 'berth-lint');
  const first = lint(cacheHome);
  assert.equal(first.status, 1, first.stderr);
  assert.match(first.stdout, expected);
  const [file] = cacheFiles(folder);
  assert.ok(file, `nothing cached under ${folder}`);
  const written = fs.statSync(path.join(folder, file)).mtimeMs;
  const second = lint(cacheHome);
  assert.equal(second.status, 1, second.stderr);
  assert.equal(second.stdout, first.stdout);
  assert.deepEqual(cacheFiles(folder), [file]);
  assert.equal(fs.statSync(path.join(folder, file)).mtimeMs, written, 'a cache V8 took is not written again');
});

void test('a cache V8 refuses is replaced, and caches of other builds are dropped', () => {
  const cacheHome = path.join(scratch, 'refused');
  const folder = path.join(cacheHome, 'berth-lint');
  assert.equal(lint(cacheHome).status, 1);
  const [file] = cacheFiles(folder);
  fs.writeFileSync(path.join(folder, file), 'not a code cache');
  fs.writeFileSync(path.join(folder, `${process.version}-an-older-build.v8cache`), 'old');
  const r = lint(cacheHome);
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, expected);
  assert.equal(r.stderr, '');
  assert.deepEqual(cacheFiles(folder), [file]);
  assert.ok(fs.statSync(path.join(folder, file)).size > 1000, 'the refused cache was written again');
});

void test('--version and --help leave no cache: it would hold too little of the linter', () => {
  const cacheHome = path.join(scratch, 'informational');
  for (const args of [['--version'], ['--help']]) {
    const r = spawnSync(process.execPath, [bin, ...args], {
      cwd: scratch,
      env: { ...process.env, XDG_CACHE_HOME: cacheHome },
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
  }
  assert.deepEqual(cacheFiles(path.join(cacheHome, 'berth-lint')), []);
});

void test('NODE_DISABLE_COMPILE_CACHE leaves the cache folder alone', () => {
  const cacheHome = path.join(scratch, 'disabled');
  const r = lint(cacheHome, { NODE_DISABLE_COMPILE_CACHE: '1' });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, expected);
  assert.equal(fs.existsSync(cacheHome), false);
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
