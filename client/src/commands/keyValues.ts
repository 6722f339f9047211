// Parsing of the free-text fields in Berth's input boxes. Pure, so the messages are unit-tested.
import { t } from '../shared/text';

export function parseAliases(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((alias) => alias.trim())
    .filter(Boolean);
}

export interface KeyValueResult {
  values: Record<string, string>;
  problem?: string;
}

/**
 * `key=value` pairs separated by spaces or new lines (commas belong to values such as
 * `o=size=100m,uid=1000`). A value may itself contain `=`.
 */
export function parseKeyValues(text: string): KeyValueResult {
  const values: Record<string, string> = {};
  for (const pair of text.split(/\s+/).filter(Boolean)) {
    const equals = pair.indexOf('=');
    if (equals <= 0)
      return {
        values,
        problem: t('"{0}" is not key=value. Write pairs like team=web size=10g, separated by spaces.', pair),
      };
    const key = pair.slice(0, equals);
    if (key in values) return { values, problem: t('"{0}" is given twice.', key) };
    values[key] = pair.slice(equals + 1);
  }
  return { values };
}
