import type { Instruction } from '../../parser';
import { unquote } from '../../lint/util';

/** The container paths a VOLUME declares, with their words. */
export function volumePaths(ins: Instruction): Array<{ path: string; word: Instruction['args'][number] }> {
  if (ins.jsonError !== undefined) return [];
  return ins.args.map((word) => ({ path: ins.json ? word.value : unquote(word.value), word }));
}
