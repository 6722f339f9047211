import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

const aptOnly: ReadonlySet<string> = new Set(['apt']);

export const aptNotAptGet: Rule = {
  id: 'apt-in-script',
  aliases: ['DL3027'],
  category: 'style',
  severity: 'info',
  docs: {
    en: {
      title: '`apt` instead of `apt-get`',
      explanation:
        '`apt` is meant for people at a terminal; its output and behaviour may change between releases. Scripts should use `apt-get` or `apt-cache`.',
    },
    'zh-cn': {
      title: '使用了 `apt` 而不是 `apt-get`',
      explanation: '`apt` 面向终端前的人，输出和行为可能随版本变化。脚本里请用 `apt-get` 或 `apt-cache`。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('RUN')) {
      for (const { cmd, script } of ctx.commandsNamed(ins, aptOnly)) {
        if (!cmd.nameWord) continue;
        const range = script.locate(cmd.nameWord.start, cmd.nameWord.end);
        const replace = {
          title: text('Replace with apt-get', '改为 apt-get'),
          edits: [{ range, newText: 'apt-get' }],
        };
        ctx.report(
          range,
          text('Use apt-get in scripts.', '脚本里请用 apt-get。'),
          script.text === ins.argsText ? replace : undefined,
        );
      }
    }
  },
};
