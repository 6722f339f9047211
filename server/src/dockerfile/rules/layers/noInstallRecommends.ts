import { hasFlag } from '../../lint/shell';
import type { Rule } from '../../lint/types';
import { aptNames } from '../../lint/util';
import { text } from '../../lint/report';

export const noInstallRecommends: Rule = {
  id: 'apt-install-recommends',
  aliases: ['DL3015'],
  category: 'layers',
  severity: 'info',
  docs: {
    en: {
      title: '`apt-get install` without `--no-install-recommends`',
      explanation:
        'By default apt also installs "recommended" packages, often many MB the image never uses. Add `--no-install-recommends` and list what you really need.',
    },
    'zh-cn': {
      title: '`apt-get install` 没有使用 `--no-install-recommends`',
      explanation:
        'apt 默认还会安装“推荐”的软件包，常常是镜像根本用不到的几十 MB。加上 `--no-install-recommends`，只列出真正需要的包。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('RUN')) {
      for (const { cmd, script } of ctx.commandsNamed(ins, aptNames)) {
        const install = cmd.args.find((a) => a.value === 'install');
        if (!install || hasFlag(cmd.args, '--no-install-recommends')) continue;
        if (cmd.args.some((a) => /Install-Recommends=(false|0|no)/i.test(a.value))) continue;
        ctx.report(
          script.locate(cmd.start, cmd.end),
          text(
            '`apt-get install` also pulls recommended packages: add `--no-install-recommends`.',
            '`apt-get install` 还会装上推荐的软件包：加上 `--no-install-recommends`。',
          ),
          {
            title: text('Add --no-install-recommends', '加上 --no-install-recommends'),
            edits: [{ range: script.locate(install.end, install.end), newText: ' --no-install-recommends' }],
          },
        );
      }
    }
  },
};
