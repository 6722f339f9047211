// Variable references as BuildKit's shell lexer sees them: `$NAME`, `${NAME}` and the
// `${NAME:-word}` family. Read iteratively with a nesting cap, so no input can blow the stack.

export interface VarRef {
  name: string;
  start: number;
  end: number;
  /** `${A:-x}`, `${A-x}`, `${A:+x}`, `${A+x}`, `${A:?x}`, `${A?x}`: unset is handled by the author. */
  guarded: boolean;
}

const nameStart = /[A-Za-z_]/;
const nameChar = /[A-Za-z0-9_]/;
const maxDepth = 32;

export function varRefs(text: string, from = 0, to = text.length, depth = 0): VarRef[] {
  const refs: VarRef[] = [];
  let i = from;
  let inDouble = false;
  while (i < to) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '"') inDouble = !inDouble;
    if (ch === "'" && !inDouble) {
      const close = text.indexOf("'", i + 1);
      i = close < 0 || close >= to ? to : close + 1;
      continue;
    }
    if (ch !== '$') {
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      let j = i + 2;
      while (j < to && nameChar.test(text[j])) j++;
      const name = text.slice(i + 2, j);
      let level = 1;
      let k = j;
      while (k < to && level > 0) {
        if (text[k] === '{') level++;
        else if (text[k] === '}') level--;
        if (level > 0) k++;
      }
      const op = text.slice(j, j + 2);
      const guarded = /^(:?[-+?])/.test(op);
      if (name !== '' && nameStart.test(name[0]))
        refs.push({ name, start: i, end: Math.min(k + 1, to), guarded });
      if (depth < maxDepth && k > j) refs.push(...varRefs(text, j, k, depth + 1));
      i = k + 1;
      continue;
    }
    if (nameStart.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < to && nameChar.test(text[j])) j++;
      refs.push({ name: text.slice(i + 1, j), start: i, end: j, guarded: false });
      i = j;
      continue;
    }
    i++;
  }
  return refs;
}

/** Expands `$VAR`/`${VAR}`/`${VAR:-default}` from `env`; unknown names become `undefined`. */
export function expandSimple(text: string, env: ReadonlyMap<string, string | undefined>): string | undefined {
  let unknown = false;
  const out = text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (_m, a, dflt, b) => {
      const name = String(a ?? b);
      const value = env.get(name);
      if (value !== undefined && value !== '') return value;
      if (typeof dflt === 'string') return dflt;
      unknown = true;
      return '';
    },
  );
  return unknown ? undefined : out;
}
