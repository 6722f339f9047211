import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { dumpDockerfile, parseDockerfile } from '../../../server/src/parser';
import { lint } from '../../../server/src/rules/engine';
import { corpusDir } from './sharedCorpus';

/** mulberry32: a tiny seeded PRNG, so every run fuzzes the same inputs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tricky = [
  '\\\n',
  '\\',
  '`\n',
  '<<EOF\n',
  '<<-"END"\n',
  'EOF\n',
  '\tEND\n',
  '[',
  ']',
  '"',
  "'",
  '${A:-${B:+',
  '}',
  '$',
  '$$',
  '# escape=`\n',
  '# check=skip=all;error=true\n',
  '# hadolint ignore=DL3006\n',
  'ONBUILD ',
  'ONBUILD ONBUILD ',
  '--from=',
  '--mount=type=cache,target=/x ',
  'FROM ',
  'RUN ',
  'COPY ',
  'VOLUME ',
  'EXPOSE 80:80/UDP ',
  'HEALTHCHECK ',
  'ENV ',
  'ARG ',
  ' AS ',
  '\t',
  '\r\n',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '&&',
  '|',
  ';',
  '>',
  '(',
  ')',
  '#',
  '\n\n',
  'apt-get install ',
  'cd /x',
  'chmod 777 ',
  'WORKDIR a\n',
];

function mutate(source: string, next: () => number): string {
  let s = source;
  const steps = 1 + Math.floor(next() * 6);
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(next() * (s.length + 1));
    const len = Math.floor(next() * 40);
    const op = Math.floor(next() * 4);
    if (op === 0) s = s.slice(0, at) + s.slice(at + len);
    else if (op === 1) s = s.slice(0, at) + tricky[Math.floor(next() * tricky.length)] + s.slice(at);
    else if (op === 2)
      s = s.slice(0, at) + s.slice(at, at + len).repeat(2 + Math.floor(next() * 3)) + s.slice(at);
    else s = s.slice(0, at) + String.fromCharCode(Math.floor(next() * 0x3000)) + s.slice(at);
  }
  return s;
}

function randomText(next: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++)
    s += next() < 0.1 ? '\n' : String.fromCharCode(Math.floor(next() * 0x10000));
  return s;
}

const extremes: Record<string, string> = {
  'enormous line': 'FROM a:1\nRUN ' + 'x '.repeat(300000) + '\n',
  'deep continuation': 'FROM a:1\nRUN a' + ' \\\n b'.repeat(20000) + '\n',
  'only continuations': '\\\n'.repeat(50000),
  'unterminated heredoc': 'FROM a:1\nRUN <<EOF <<EOF2\n' + 'echo\n'.repeat(10000),
  'unterminated JSON': 'FROM a:1\nCMD ["a", "b' + ', "c'.repeat(20000) + '\n',
  'nested variables': 'FROM scratch\nENV A=' + '${A:-'.repeat(20000) + '\n',
  'many stages':
    'FROM a:1 AS s0\n' +
    Array.from({ length: 3000 }, (_, i) => `FROM s${i} AS s${i + 1}\nCOPY --from=s${i} /x /x\n`).join(''),
  'many heredocs': 'FROM a:1\n' + 'RUN <<A <<B\na\nA\nb\nB\n'.repeat(5000),
};

void test('fuzz: mutated corpus files, random text and extreme inputs never throw', (t) => {
  const dir = corpusDir(t, 'real');
  if (!dir) return;
  const corpus = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
  const next = rng(0xb3e7);
  const inputs: Array<[string, string]> = Object.entries(extremes);
  for (let i = 0; i < 3000; i++)
    inputs.push([`mutant ${i}`, mutate(corpus[Math.floor(next() * corpus.length)], next)]);
  for (let i = 0; i < 300; i++) inputs.push([`random ${i}`, randomText(next, Math.floor(next() * 4000))]);
  let slowest: [string, number] = ['', 0];
  let total = 0;
  for (const [name, source] of inputs) {
    const start = performance.now();
    let findings;
    try {
      const file = parseDockerfile(source);
      dumpDockerfile(file);
      findings = lint(source, { env: { hasDockerignore: false } }, file);
    } catch (err) {
      assert.fail(`${name} threw: ${err instanceof Error ? err.stack : String(err)}`);
    }
    const ms = performance.now() - start;
    total += ms;
    if (ms > slowest[1]) slowest = [name, ms];
    const internal = findings.find((f) => f.message.en.startsWith('internal error'));
    assert.equal(internal, undefined, `${name}: ${internal?.message.en}`);
  }
  t.diagnostic(
    `${inputs.length} inputs in ${total.toFixed(0)} ms; slowest: ${slowest[0]} ${slowest[1].toFixed(1)} ms`,
  );
});
