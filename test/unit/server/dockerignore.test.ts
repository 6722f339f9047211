// .dockerignore as BuildKit reads it (moby/patternmatcher), and which one a Dockerfile gets.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import {
  cleanPath,
  excludedBy,
  ignoreMatcher,
  readIgnoreFile,
} from '../../../server/src/dockerfile/lint/dockerignore';
import { surroundingsOf } from '../../../server/src/workspace/surroundings';
import { bundle } from './bundle';

let dir: string;
let cli: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-dockerignore-'));
  cli = await bundle('cli');
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

function excluded(patterns: string, file: string): string | undefined {
  const matcher = ignoreMatcher(readIgnoreFile(patterns));
  assert.ok(matcher);
  return excludedBy(matcher, file);
}

void test('ignore file lines: comments, blanks, ! exceptions, leading slash and cleaning', () => {
  assert.deepEqual(readIgnoreFile('\uFEFF# c\n\n  /a/b/  \n! ./c/../d\n#x\n*.log\r\n'), [
    'a/b',
    '!d',
    '*.log',
  ]);
  assert.equal(cleanPath('./a//b/../c/'), 'a/c');
  assert.equal(cleanPath('/'), '/');
  assert.equal(cleanPath('..'), '..');
  assert.equal(ignoreMatcher(['!']), undefined, 'BuildKit refuses a lone !');
});

void test("patterns match as patternmatcher's do, parents included", () => {
  assert.equal(excluded('Dockerfile', 'Dockerfile'), 'Dockerfile');
  assert.equal(excluded('secrets', 'secrets/key.pem'), 'secrets', 'a parent folder counts');
  assert.equal(excluded('*.txt', 'a/b.txt'), undefined, '* stops at a slash');
  assert.equal(excluded('**/*.txt', 'a/b/c.txt'), '**/*.txt');
  assert.equal(excluded('**/foo', 'foo'), '**/foo');
  assert.equal(excluded('docs/**', 'docs/a/b.md'), 'docs/**');
  assert.equal(
    excluded('*/tmp/*', 'tmp/helloworld.txt'),
    undefined,
    'BuildKit’s docs example, as its code reads it',
  );
  assert.equal(excluded('*/tmp/*', 'a/tmp/x'), '*/tmp/*');
  assert.equal(excluded('file?.go', 'file1.go'), 'file?.go');
  assert.equal(excluded('a.b', 'axb'), undefined, 'a dot is literal');
  assert.equal(excluded('*\n!keep.env', 'keep.env'), undefined, 'a later exception lets a file back in');
  assert.equal(excluded('*.env\n!keep.env', 'other.env'), '*.env');
});

void test('a Dockerfile gets <name>.dockerignore first, then .dockerignore; berth-lint and the editor read the same', () => {
  const app = path.join(dir, 'app');
  fs.mkdirSync(app);
  fs.writeFileSync(path.join(app, '.dockerignore'), 'notes.md\n');
  fs.writeFileSync(path.join(app, 'api.Dockerfile.dockerignore'), 'secret.env\n');
  const body = 'FROM alpine:3.20\nCOPY notes.md secret.env /srv/\nUSER nobody\n';
  fs.writeFileSync(path.join(app, 'Dockerfile'), body);
  fs.writeFileSync(path.join(app, 'api.Dockerfile'), body);
  const ignored = (file: string): string[] => {
    const r = spawnSync(process.execPath, [cli, '--format', 'json', file], { encoding: 'utf8' });
    const records = JSON.parse(r.stdout) as Array<{ rule: string; message: string }>;
    return records.filter((f) => f.rule === 'copy-ignored-file').map((f) => f.message.split('`')[1]);
  };
  assert.deepEqual(ignored(path.join(app, 'Dockerfile')), ['notes.md']);
  assert.deepEqual(ignored(path.join(app, 'api.Dockerfile')), ['secret.env']);
  const editor = surroundingsOf(pathToFileURL(path.join(app, 'api.Dockerfile')).href).env;
  assert.deepEqual(editor, { hasDockerignore: true, dockerignore: 'secret.env\n' });
  assert.deepEqual(surroundingsOf(pathToFileURL(path.join(dir, 'Dockerfile')).href).env, {
    hasDockerignore: false,
  });
});

void test('one berth-lint run gives each Dockerfile its own .dockerignore, standard input the one beside --stdin-filename', () => {
  const web = path.join(dir, 'web');
  fs.mkdirSync(web);
  fs.writeFileSync(path.join(web, '.dockerignore'), 'notes.md\n');
  fs.writeFileSync(path.join(web, 'api.Dockerfile.dockerignore'), 'secret.env\n');
  const body = 'FROM alpine:3.20\nCOPY notes.md secret.env /srv/\nUSER nobody\n';
  fs.writeFileSync(path.join(web, 'Dockerfile'), body);
  fs.writeFileSync(path.join(web, 'api.Dockerfile'), body);
  const ignoredBy = (args: string[], input?: string): Array<[string, string]> => {
    const r = spawnSync(process.execPath, [cli, '--format', 'json', ...args], { encoding: 'utf8', input });
    const records = JSON.parse(r.stdout) as Array<{ file: string; rule: string; message: string }>;
    return records
      .filter((f) => f.rule === 'copy-ignored-file')
      .map((f) => [path.basename(f.file), f.message.split('`')[1]]);
  };
  assert.deepEqual(ignoredBy([path.join(web, 'Dockerfile'), path.join(web, 'api.Dockerfile')]), [
    ['Dockerfile', 'notes.md'],
    ['api.Dockerfile', 'secret.env'],
  ]);
  assert.deepEqual(ignoredBy(['--stdin-filename', path.join(web, 'api.Dockerfile'), '-'], body), [
    ['api.Dockerfile', 'secret.env'],
  ]);
});
