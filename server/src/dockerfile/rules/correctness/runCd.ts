import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

export const runCd: Rule = {
  id: 'run-cd-no-effect',
  aliases: [],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: '`RUN cd …` that changes nothing',
      explanation:
        "Each RUN starts in the WORKDIR again: a `cd` as the last command of a RUN has no effect on later instructions. Use `WORKDIR /path`. A `cd` followed by commands in the same RUN is fine, so unlike hadolint's DL3003, which reports every `cd`, this rule does not claim DL3003.",
    },
    'zh-cn': {
      title: '不起作用的 `RUN cd …`',
      explanation:
        '每条 RUN 都重新从 WORKDIR 开始：RUN 里最后一个命令是 `cd` 时，对后面的指令没有任何作用。请用 `WORKDIR /path`。同一条 RUN 里 `cd` 之后还有命令是没问题的；hadolint 的 DL3003 会报告每一个 `cd`，因此本规则不对应 DL3003。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('RUN')) {
      const scripts = ctx.scripts(ins);
      const main = scripts[scripts.length - 1];
      const last = main?.commands[main.commands.length - 1];
      if (!last || last.name !== 'cd' || last.operator === '|' || last.operator === '&') continue;
      const dir = last.args[0]?.value ?? '~';
      ctx.report(
        main.locate(last.start, last.end),
        text(
          `This \`cd\` ends the RUN, so it has no effect on later instructions: use \`WORKDIR ${dir}\`.`,
          `这个 \`cd\` 是 RUN 的最后一个命令，对后面的指令不起作用：请用 \`WORKDIR ${dir}\`。`,
        ),
      );
    }
  },
};
