import { hasWord } from '../../lint/commandArgs';
import { commandRange, runsRunning } from '../../lint/runs';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

const lnNames: ReadonlySet<string> = new Set(['ln']);

export const shellSymlink: Rule = {
  id: 'replace-bin-sh',
  aliases: ['DL4005'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'Replacing /bin/sh with a link',
      explanation:
        'Every later shell-form RUN, CMD and ENTRYPOINT runs `/bin/sh -c`; pointing `/bin/sh` at another shell with `ln` changes all of them behind the reader\'s back, and for anyone who runs the image. Say which shell the RUNs use with `SHELL ["/bin/bash", "-c"]`.',
    },
    'zh-cn': {
      title: '用链接替换 /bin/sh',
      explanation:
        '之后所有 shell 形式的 RUN、CMD 和 ENTRYPOINT 都执行 `/bin/sh -c`；用 `ln` 把 `/bin/sh` 指向别的 shell，会在读者看不到的地方改变它们全部，也会影响运行这个镜像的每个人。请用 `SHELL ["/bin/bash", "-c"]` 写明 RUN 使用哪个 shell。',
    },
  },
  check(ctx) {
    for (const [ins] of runsRunning(ctx, lnNames)) {
      for (const ref of ctx.commandsNamed(ins, lnNames)) {
        const { cmd } = ref;
        if (!hasWord(cmd, ['/bin/sh'])) continue;
        ctx.report(
          commandRange(ref),
          text(
            'Use SHELL to choose the shell for RUN instead of replacing /bin/sh.',
            '请用 SHELL 指定 RUN 的 shell，不要替换 /bin/sh。',
          ),
        );
      }
    }
  },
};
