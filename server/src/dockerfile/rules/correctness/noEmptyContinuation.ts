import type { Instruction, Range } from '../../parser';
import { text } from '../../lint/report';
import type { Rule } from '../../lint/types';
import { edit, fix } from '../../lint/util';

export const noEmptyContinuation: Rule = {
  id: 'no-empty-continuation',
  aliases: ['NoEmptyContinuation'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'Blank line inside a line continuation',
      explanation:
        'After a line ending in `\\`, BuildKit skips blank lines and reads on, so `RUN a \\`, a blank line, `RUN b` is one RUN: `a RUN b`. BuildKit warns that a future release will refuse such blank lines. Remove them; a comment line may stay.',
    },
    'zh-cn': {
      title: '续行中间有空行',
      explanation:
        '以 `\\` 结尾的行之后，BuildKit 会跳过空行继续读，所以 `RUN a \\`、空行、`RUN b` 是同一条 RUN：`a RUN b`。BuildKit 会警告，将来的版本会拒绝这种空行。请删除空行；注释行可以保留。',
    },
  },
  check(ctx) {
    const blanks = ctx.file.emptyContinuationLines;
    if (blanks.length === 0) return;
    // Each blank line belongs to the last instruction that starts before it.
    const instructions = ctx.file.instructions;
    const byInstruction = new Map<Instruction, number[]>();
    let k = 0;
    for (const line of blanks) {
      while (k + 1 < instructions.length && instructions[k + 1].range.start.line < line) k++;
      const ins = instructions[k];
      const list = byInstruction.get(ins);
      if (list) list.push(line);
      else byInstruction.set(ins, [line]);
    }
    for (const [ins, lines] of byInstruction) {
      const at = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 0 } });
      const shown = lines.map((l) => String(l + 1)).join(', ');
      ctx.report(
        at(lines[0]),
        text(
          `Blank line${lines.length > 1 ? 's' : ''} ${shown} inside this ${ins.name}'s continuation: BuildKit will refuse ${lines.length > 1 ? 'them' : 'it'} in a future release. Remove ${lines.length > 1 ? 'them' : 'it'}.`,
          `这条 ${ins.name} 的续行中间有空行（第 ${shown} 行）：BuildKit 将来的版本会拒绝。请删除。`,
        ),
        fix(
          text('Remove the blank lines', '删除空行'),
          ...lines.map((line) =>
            edit({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, ''),
          ),
        ),
      );
    }
  },
};
