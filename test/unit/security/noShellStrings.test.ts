// Berth never builds a shell command line from names the engine or the user gave: no module of
// ours starts processes, and every command sent into a container is a fixed argv array.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

const root = path.resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

const files = ['client/src', 'server/src', 'common'].flatMap(sources);

void describe('no shell strings', () => {
  void test('the sources are found', () => {
    assert.ok(files.length > 100, `only ${files.length} source files found under ${root}`);
  });

  void test('no module of ours imports child_process or asks for a shell', () => {
    const offenders = files.filter((file) =>
      /['"](node:)?child_process['"]|\bshell:\s*true\b/.test(readFileSync(path.join(root, file), 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  void test('every container command is an argv array, never a string or a template', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(path.join(root, file), 'utf8');
      for (const match of text.matchAll(/\b(Cmd|Entrypoint):\s*([^,\n]+)/g)) {
        found.push(`${file}: ${match[0]}`);
        const value = match[2].trim();
        const literalArray =
          value.startsWith('[') &&
          !value.includes('`') &&
          !/['"](\/bin\/)?(ba)?sh['"]\s*,\s*['"]-c['"]/.test(value);
        const namedArray = /^[a-zA-Z]\w*$/.test(value) && new RegExp(`\\b${value}\\s*=\\s*\\[`).test(text);
        assert.ok(literalArray || namedArray, `${file}: ${match[0]} is not a fixed argv array`);
      }
    }
    assert.ok(found.length >= 2, `expected the shell and volume-helper commands, found: ${found.join('; ')}`);
  });
});
