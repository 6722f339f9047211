import type { Instruction } from '../parser';
import { edit, fix } from './util';
import { text, type Fix } from './report';

/** When swapping single quotes for double ones makes valid JSON, offer exactly that. */
export function singleQuoteFix(ins: Instruction): Fix | undefined {
  if (!ins.argsText.includes("'")) return undefined;
  const swapped = ins.argsText.replace(/'/g, '"');
  try {
    const parsed: unknown = JSON.parse(swapped);
    if (!Array.isArray(parsed) || parsed.some((v) => typeof v !== 'string')) return undefined;
  } catch {
    return undefined;
  }
  return ins.argsRange.start.line === ins.argsRange.end.line
    ? fix(text('Use double quotes (JSON)', '改用双引号（JSON）'), edit(ins.argsRange, swapped))
    : undefined;
}
