import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import type { Token } from './tokenize';

/**
 * One block per source line: the line as `N| text`, then one token per line as its quoted text
 * and its scopes, without the root `source.dockerfile` every token carries.
 */
export function formatTokens(source: string, tokens: readonly Token[]): string {
  const out: string[] = [];
  const lines = source.split('\n');
  if (source.endsWith('\n')) lines.pop();
  lines.forEach((lineText, line) => {
    out.push(`${line + 1}| ${lineText}`);
    for (const token of tokens) {
      if (token.line !== line) continue;
      const scopes = token.scopes.filter((scope) => scope !== 'source.dockerfile');
      out.push(`    ${JSON.stringify(token.text)}  ${scopes.join(' ') || '-'}`);
    }
  });
  return `${out.join('\n')}\n`;
}

/** Compares with the committed snapshot; `UPDATE_SNAPSHOTS=1` rewrites it instead. */
export async function matchSnapshot(file: string, actual: string): Promise<void> {
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    await writeFile(file, actual);
    return;
  }
  const expected = await readFile(file, 'utf8').catch(() => undefined);
  assert.ok(expected !== undefined, `${file} is missing: run the test with UPDATE_SNAPSHOTS=1`);
  assert.equal(actual, expected, `tokens differ from ${file} (UPDATE_SNAPSHOTS=1 rewrites it after review)`);
}
