// What a FROM line sees of the build arguments when no --build-arg is given: the ARGs BuildKit
// predefines and the defaults of the ARGs before the first FROM, expanded the way BuildKit's
// shell lexer expands a word (frontend/dockerfile/shell/lex.go).
import type { Instruction } from '../parser';

/**
 * The ARGs BuildKit defines for every build (dockerfile2llb defaultArgs), with the values of a
 * linux/amd64 build: a FROM that needs another value to be valid is as broken on that machine.
 */
export const predefinedArgs: ReadonlyMap<string, string> = new Map([
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDOSVERSION', ''],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETOSVERSION', ''],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['TARGETSTAGE', 'default'],
]);

/**
 * The build arguments set before the first FROM when no --build-arg is given; an ARG without a
 * default stays unset. Undefined when a default cannot be expanded the way BuildKit would.
 */
export function defaultMetaArgs(globalArgs: readonly Instruction[]): Map<string, string> | undefined {
  const env = new Map(predefinedArgs);
  for (const ins of globalArgs) {
    for (const pair of ins.pairs) {
      if (pair.value === undefined) continue;
      const value = expandWord(pair.value, env);
      if (value === undefined) return undefined;
      env.set(pair.key, value);
    }
  }
  return env;
}

const nameStart = /[A-Za-z_]/;
const nameChar = /[A-Za-z0-9_]/;
const maxDepth = 16;

/**
 * `text` with its quotes removed and its variables expanded from `env`; undefined for what this
 * reader does not follow (`${A#x}`, `${A/x/y}`, `${A:?}` on an unset name, unbalanced braces).
 */
export function expandWord(text: string, env: ReadonlyMap<string, string>, depth = 0): string | undefined {
  if (depth > maxDepth) return undefined;
  let out = '';
  let quote: '"' | "'" | undefined;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quote === "'") {
      if (ch === "'") quote = undefined;
      else out += ch;
      i++;
    } else if (ch === '\\' && i + 1 < text.length) {
      out += text[i + 1];
      i += 2;
    } else if ((ch === '"' || ch === "'") && (quote === undefined || quote === ch)) {
      quote = quote === undefined ? ch : undefined;
      i++;
    } else if (ch === '$' && text[i + 1] === '{') {
      const end = closingBrace(text, i + 2);
      if (end < 0) return undefined;
      const value = expandBraced(text.slice(i + 2, end), env, depth);
      if (value === undefined) return undefined;
      out += value;
      i = end + 1;
    } else if (ch === '$' && nameStart.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && nameChar.test(text[j])) j++;
      out += env.get(text.slice(i + 1, j)) ?? '';
      i = j;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function closingBrace(text: string, from: number): number {
  let level = 1;
  for (let k = from; k < text.length; k++) {
    if (text[k] === '\\') k++;
    else if (text[k] === '{') level++;
    else if (text[k] === '}' && --level === 0) return k;
  }
  return -1;
}

/** The inside of `${…}`: a name, then nothing or one of `:-` `-` `:+` `+` `:?` `?` and a word. */
function expandBraced(inner: string, env: ReadonlyMap<string, string>, depth: number): string | undefined {
  let j = 0;
  while (j < inner.length && nameChar.test(inner[j])) j++;
  const name = inner.slice(0, j);
  if (name === '' || !nameStart.test(name[0])) return undefined;
  const value = env.get(name);
  const rest = inner.slice(j);
  if (rest === '') return value ?? '';
  const m = /^(:?)([-+?])([\s\S]*)$/.exec(rest);
  if (!m) return undefined;
  const unset = value === undefined || (m[1] === ':' && value === '');
  const word = (): string | undefined => expandWord(m[3], env, depth + 1);
  if (m[2] === '-') return unset ? word() : value;
  if (m[2] === '+') return unset ? '' : word();
  return unset ? undefined : value;
}
