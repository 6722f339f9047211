import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

const codes = [
  ['CMD', 'DL4003'],
  ['ENTRYPOINT', 'DL4004'],
  ['HEALTHCHECK', 'DL3012'],
] as const;

export const multipleCmd: Rule = {
  id: 'multiple-cmd',
  aliases: ['DL3012', 'DL4003', 'DL4004', 'MultipleInstructionsDisallowed'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'More than one CMD, ENTRYPOINT or HEALTHCHECK in a stage',
      explanation: 'Only the last one takes effect; the earlier ones are dead code that misleads readers.',
    },
    'zh-cn': {
      title: '一个阶段里有多条 CMD、ENTRYPOINT 或 HEALTHCHECK',
      explanation: '只有最后一条生效；前面的都是误导读者的无效代码。',
    },
  },
  check(ctx) {
    for (const stage of ctx.allStages) {
      for (const [name, code] of codes) {
        const all = stage.instructions.filter((i) => i.name === name);
        const last = all[all.length - 1];
        for (const ins of all.slice(0, -1)) {
          ctx.reportAs(
            code,
            ins.keywordRange,
            text(
              `Only the last ${name} of a stage takes effect (line ${last.range.start.line + 1}); this one is ignored.`,
              `一个阶段里只有最后一条 ${name} 生效（第 ${last.range.start.line + 1} 行）；这一条会被忽略。`,
            ),
          );
        }
      }
    }
  },
};
