import type { Instruction } from '../../parser';
import type { Rule } from '../../lint/types';
import { edit, fix, stageInstructions } from '../../lint/util';
import { text } from '../../lint/report';

/**
 * Short one-line shell-form RUNs with no flags: merging them cannot change behaviour. Long
 * multi-line RUNs are often split on purpose (a layer per step keeps rebuilds cheap), so they
 * are left alone.
 */
function mergeable(ins: Instruction): boolean {
  return (
    ins.name === 'RUN' &&
    ins.json === undefined &&
    ins.flags.length === 0 &&
    ins.heredocs.length === 0 &&
    ins.range.start.line === ins.range.end.line
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
        'Every RUN adds a layer. Chaining commands with `&& \\` in one RUN keeps the image smaller, lets a cleanup in the same RUN really free space, and makes fewer cache entries.',
    },
    'zh-cn': {
      title: '连续的 RUN 指令可以合并',
      explanation:
        '每条 RUN 都会产生一个镜像层。用 `&& \\` 把命令串在同一条 RUN 里，镜像更小，同一层里的清理才真正释放空间，构建缓存也更少。',
    },
  },
  check(ctx) {
    let previous: Instruction | undefined;
    for (const [ins, stage] of stageInstructions(ctx)) {
      if (ins === stage.instructions[0]) previous = undefined;
      const ok = mergeable(ins);
      const adjacent = previous !== undefined && ins.comments.length === 0;
      if (ok && adjacent && previous) {
        const prev = previous;
        ctx.report(
          ins.keywordRange,
          text(
            `This RUN directly follows another RUN (line ${prev.range.start.line + 1}); merge them with \`&&\` to save a layer.`,
            `这条 RUN 紧跟在另一条 RUN（第 ${prev.range.start.line + 1} 行）之后；用 \`&&\` 合并可少一层。`,
          ),
          fix(
            text('Merge with the previous RUN', '与上一条 RUN 合并'),
            edit({ start: prev.range.end, end: ins.argsRange.start }, ' && \\\n    '),
          ),
        );
      }
      previous = ok ? ins : undefined;
    }
  },
};
