// Berth never builds a shell command line from names the engine or the user gave: one module of
// ours starts a process, the ProxyCommand the user's own ssh config names, as a program with its
// arguments and no shell; every command sent into a container is a fixed argv array.
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

/** ssh://'s ProxyCommand (ssh/proxyCommand.ts splits the line into words; no shell reads it). */
const proxyRunner = 'client/src/engine/transport/ssh/proxyProcess.ts';

void describe('no shell strings', () => {
  void test('the sources are found', () => {
    assert.ok(files.length > 100, `only ${files.length} source files found under ${root}`);
  });

  void test('no module of ours imports child_process but the ProxyCommand runner, and none asks for a shell', () => {
    const starters = files.filter((file) =>
      /['"](node:)?child_process['"]/.test(readFileSync(path.join(root, file), 'utf8')),
    );
    assert.deepEqual(starters, [proxyRunner]);
    const shells = files.filter((file) =>
      /\bshell:\s*true\b/.test(readFileSync(path.join(root, file), 'utf8')),
    );
    assert.deepEqual(shells, []);
  });

  void test('the ProxyCommand runner spawns the program with its argument list, and nothing else', () => {
    const text = readFileSync(path.join(root, proxyRunner), 'utf8');
    assert.match(text, /^import \{ spawn \} from 'node:child_process';$/m);
    const calls = text.match(/\bspawn\([^)]*/g) ?? [];
    assert.equal(calls.length, 1, calls.join('\n'));
    assert.ok(calls[0].startsWith('spawn(program, args, {') && !calls[0].includes('shell'), calls[0]);
    assert.match(text, /const \[program, \.\.\.args\] = route\.argv;/);
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
