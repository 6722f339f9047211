import type { Token } from './words';

export type JsonResult =
  | { kind: 'array'; items: Token[] }
  | { kind: 'not-json' }
  | { kind: 'invalid'; message: string }
  | { kind: 'not-strings' };

/**
 * BuildKit's parseJSON: the arguments are exec form only when the whole text is a JSON array
 * of strings. Anything else that starts with `[` falls back to shell form, except an array with
 * non-string items, which is an error.
 */
export function parseJsonArray(text: string, from: number, to: number): JsonResult {
  if (text[from] !== '[') return { kind: 'not-json' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(from, to));
  } catch (err) {
    return { kind: 'invalid', message: err instanceof Error ? err.message : String(err) };
  }
  if (!Array.isArray(parsed)) return { kind: 'invalid', message: 'not an array' };
  if (parsed.some((item) => typeof item !== 'string')) return { kind: 'not-strings' };
  const values = parsed as string[];
  const items: Token[] = [];
  let pos = from + 1;
  for (const value of values) {
    while (text[pos] !== '"') pos++;
    const start = pos;
    pos++;
    while (text[pos] !== '"') pos += text[pos] === '\\' ? 2 : 1;
    pos++;
    items.push({ value, start, end: pos });
  }
  return { kind: 'array', items };
}
