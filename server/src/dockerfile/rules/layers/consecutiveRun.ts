import type { Instruction } from '../../parser';
import type { LintContext } from '../../lint/context';
import type { Rule } from '../../lint/types';
import { edit, fix, stageInstructions } from '../../lint/util';
import { text } from '../../lint/report';

/**
 * A RUN that runs one command. A RUN that already chains commands (`a && b`, `a; b`) was most
 * likely split from its neighbour on purpose, to keep a layer that rebuilds on its own.
 */
function singleCommand(ctx: LintContext, ins: Instruction): boolean {
  return ins.json !== undefined || ctx.commands(ins).length <= 1;
}

/** RUNs with different flags (`--mount`, `--network`…) cannot be merged as they are. */
function sameFlags(a: Instruction, b: Instruction): boolean {
  return (
    a.flags.length === b.flags.length &&
    a.flags.every((f, i) => f.name === b.flags[i].name && f.value === b.flags[i].value)
  );
}

/** Shell form with no heredoc and no comment between: `&& \` can join them without loss. */
function joinable(prev: Instruction, ins: Instruction): boolean {
  return (
    prev.json === undefined &&
    ins.json === undefined &&
    prev.heredocs.length === 0 &&
    ins.heredocs.length === 0 &&
    ins.comments.length === 0 &&
    prev.range.end.line + 1 === ins.range.start.line
  );
}

export const consecutiveRun: Rule = {
  id: 'consecutive-run',
  aliases: ['DL3059'],
  category: 'layers',
  severity: 'info',
  docs: {
    en: {
      title: 'Consecutive RUN instructions can be one',
      explanation:
        'Every RUN adds a layer. Chaining commands with `&& \\` in one RUN keeps the image smaller, lets a cleanup in the same RUN really free space, and makes fewer cache entries. Reported, as hadolint does, for a RUN that follows another RUN with the same flags when both run a single command (comments in between do not separate them); a RUN that already chains commands was likely split on purpose.',
    },
    'zh-cn': {
      title: '连续的 RUN 指令可以合并',
      explanation:
        '每条 RUN 都会产生一个镜像层。用 `&& \\` 把命令串在同一条 RUN 里，镜像更小，同一层里的清理才真正释放空间，构建缓存也更少。与 hadolint 一样，当一条 RUN 紧跟在另一条标志相同的 RUN 之后、且两者都只执行一个命令时报告（中间的注释不算分隔）；已经串联多个命令的 RUN 多半是有意拆开的。',
    },
  },
  check(ctx) {
    let previous: Instruction | undefined;
    for (const [ins, stage] of stageInstructions(ctx)) {
      if (ins === stage.instructions[0]) previous = undefined;
      const single = ins.name === 'RUN' && singleCommand(ctx, ins);
      const prev = previous;
      if (single && prev && sameFlags(prev, ins)) {
        ctx.report(
          ins.keywordRange,
          text(
            `This RUN directly follows another RUN (line ${prev.range.start.line + 1}); merge them with \`&&\` to save a layer.`,
            `这条 RUN 紧跟在另一条 RUN（第 ${prev.range.start.line + 1} 行）之后；用 \`&&\` 合并可少一层。`,
          ),
          joinable(prev, ins)
            ? fix(
                text('Merge with the previous RUN', '与上一条 RUN 合并'),
                edit({ start: prev.range.end, end: ins.argsRange.start }, ' && \\\n    '),
              )
            : undefined,
        );
      }
      previous = single ? ins : undefined;
    }
  },
};
