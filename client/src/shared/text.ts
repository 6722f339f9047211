// Presentation code is vscode-free so that node:test can check it; @vscode/l10n reads the same
// bundle as vscode.l10n once extension.ts hands it over, and falls back to English in tests.
import * as l10n from '@vscode/l10n';

export const t = l10n.t;

/** Engine-supplied names and values can hold markdown syntax; show them as typed. Line-start
 * markers (#, -, +) cannot occur where we place values, so they stay readable. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()|<>~]/g, '\\$&');
}

/** Inline code span that survives backticks inside the value. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text.length > 0 ? text : ' '}${fence}`;
}

/** Ends a clause with a full stop unless it already has closing punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?。！？…:]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** `**key:** value` lines with hard breaks, skipping empty values; values are markdown already. */
export function keyValueLines(rows: [string, string | undefined][]): string {
  return rows
    .filter((row): row is [string, string] => row[1] !== undefined && row[1] !== '')
    .map(([key, value]) => `**${key}:** ${value}`)
    .join('  \n');
}

export function recordLines(record: Record<string, string>): string[] {
  return Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `- ${code(key)} = ${code(value)}`);
}
