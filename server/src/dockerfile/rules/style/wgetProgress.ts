import { hasAnyFlag } from '../../lint/commandArgs';
import { onBusybox } from '../../lint/baseImage';
import { commandRange, insertAfter, runsRunning } from '../../lint/runs';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

const wgetNames: ReadonlySet<string> = new Set(['wget']);

export const wgetProgress: Rule = {
  id: 'wget-progress-bar',
  aliases: ['DL3047'],
  category: 'style',
  severity: 'info',
  docs: {
    en: {
      title: '`wget` with its default progress output',
      explanation:
        'Without a terminal, wget prints a line of dots for every few KB, and a large download fills the build log with thousands of lines. Use `wget --progress=dot:giga` (GNU wget), or `-q` / `-nv`. The quick fix adds `-q` on Alpine and busybox images, whose wget has no `--progress`.',
    },
    'zh-cn': {
      title: '`wget` 使用默认的进度输出',
      explanation:
        '没有终端时，wget 每下载几 KB 就打印一串点，大文件会让构建日志多出成千上万行。请用 `wget --progress=dot:giga`（GNU wget），或者 `-q` / `-nv`。在 Alpine 和 busybox 镜像上，wget 没有 `--progress`，快速修复会改为加上 `-q`。',
    },
  },
  check(ctx) {
    for (const [ins, stage] of runsRunning(ctx, wgetNames)) {
      for (const ref of ctx.commandsNamed(ins, wgetNames)) {
        const { cmd, script } = ref;
        if (
          hasAnyFlag(cmd, ['progress', 'q', 'quiet', 'o', 'output-file', 'a', 'append-output', 'no-verbose'])
        )
          continue;
        if (cmd.args.some((a) => a.value === '-nv')) continue;
        const name = cmd.nameWord;
        const flag = onBusybox(stage) ? '-q' : '--progress=dot:giga';
        ctx.report(
          commandRange(ref),
          text(
            'wget prints its progress as pages of dots in the build log: add `--progress=dot:giga`, `-q` or `-nv`.',
            'wget 会在构建日志里打印成页的进度点：加上 `--progress=dot:giga`、`-q` 或 `-nv`。',
          ),
          name && insertAfter(script, name, ` ${flag}`, text(`Add ${flag}`, `加上 ${flag}`)),
        );
      }
    }
  },
};
