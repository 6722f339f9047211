// Reading one shell word: where it ends, and on demand its value with quotes and escapes resolved.

const maxNesting = 64;

/**
 * A run of plain word characters (none that needs quoting, escaping or expanding), and one of
 * characters inside double quotes up to a quote or backslash. Sticky regular expressions: a
 * short run mostly runs before V8 optimizes anything, and there one match skips a run in
 * native code where a loop paid a call for every character.
 */
const plainRun = /[^ \t\r\n;&|<>()\\'"$]*/y;
const quotedRun = /[^"\\]*/y;
const operators = new Uint8Array(128);
for (const ch of ' \t\r\n;&|<>()') operators[ch.charCodeAt(0)] = 1;

/** Where the run of characters `run` matches from `i` ends. */
function runEnd(run: RegExp, src: string, i: number): number {
  run.lastIndex = i;
  run.test(src);
  return run.lastIndex;
}

/** The value of the word `scanWord` last read with `keep` set. */
let scanned = '';

/**
 * Reads one word starting at `i` and returns its end, where reading continues. With `keep` it
 * also builds the word's value into `scanned`; without, it only finds the end, which is all a
 * word needs until a rule reads it.
 */
export function scanWord(src: string, i: number, keep: boolean): number {
  const length = src.length;
  let value = '';
  let depth = 0;
  while (i < length) {
    const run = runEnd(plainRun, src, i);
    if (run > i) {
      if (keep) value += src.slice(i, run);
      i = run;
      // What ends a run is read right here, not by another match that would find nothing.
      if (i >= length) break;
    }
    const code = src.charCodeAt(i);
    if (depth === 0 && operators[code] === 1) break;
    const ch = src[i];
    if (ch === '\\') {
      if (src[i + 1] === '\n') i += 2;
      else {
        if (keep) value += src[i + 1] ?? '';
        i += 2;
      }
      continue;
    }
    if (ch === "'") {
      const close = src.indexOf("'", i + 1);
      const end = close < 0 ? length : close;
      if (keep) value += src.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i++;
      while (i < length) {
        const run = runEnd(quotedRun, src, i);
        if (run > i && keep) value += src.slice(i, run);
        i = run;
        if (i >= length || src.charCodeAt(i) === 0x22) break;
        const escaped = i + 1 < length && '"\\$`\n'.includes(src[i + 1]);
        if (keep) value += escaped ? src[i + 1] : '\\';
        i += escaped ? 2 : 1;
      }
      i++;
      continue;
    }
    if (ch === '$' && src[i + 1] === '(' && depth < maxNesting) {
      depth++;
      if (keep) value += '$(';
      i += 2;
      continue;
    }
    if (ch === ')' && depth > 0) depth--;
    if (keep) value += ch;
    i++;
  }
  if (keep) scanned = value;
  return Math.min(i, length);
}

/** The value of the word starting at `start`. */
export function wordValue(src: string, start: number): string {
  scanWord(src, start, true);
  return scanned;
}
