import { runsRunning } from '../../lint/runs';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

/** hadolint's list: programs for a running, interactive system. */
const pointless: ReadonlySet<string> = new Set([
  'free',
  'kill',
  'mount',
  'ps',
  'service',
  'shutdown',
  'ssh',
  'top',
  'vim',
]);

export const pointlessInContainer: Rule = {
  id: 'pointless-command-in-run',
  aliases: ['DL3001'],
  category: 'correctness',
  severity: 'info',
  docs: {
    en: {
      title: 'A command that makes no sense in a RUN',
      explanation:
        "`ssh`, `vim`, `top`, `ps`, `free`, `kill`, `mount`, `service` and `shutdown` are for a running system with a terminal. A RUN has neither: it starts from the image's files with no other processes and no services, and only the files it leaves behind reach the next layer. A service started in a RUN is gone before the next instruction; start it in CMD or ENTRYPOINT.",
    },
    'zh-cn': {
      title: 'RUN 里用了没有意义的命令',
      explanation:
        '`ssh`、`vim`、`top`、`ps`、`free`、`kill`、`mount`、`service` 和 `shutdown` 是给正在运行、带终端的系统用的。RUN 两者都没有：它从镜像的文件开始，没有其他进程，也没有服务，只有它留下的文件会进入下一层。在 RUN 里启动的服务到下一条指令时就已经不在了；请在 CMD 或 ENTRYPOINT 里启动。',
    },
  },
  check(ctx) {
    for (const [ins] of runsRunning(ctx, pointless)) {
      for (const { cmd, script } of ctx.commandsNamed(ins, pointless)) {
        const word = cmd.nameWord;
        if (!word) continue;
        ctx.report(
          script.locate(word.start, word.end),
          text(
            `\`${cmd.name}\` has nothing to act on while an image is built: a RUN has no terminal, no running services and no other processes.`,
            `构建镜像时 \`${cmd.name}\` 没有可作用的对象：RUN 没有终端，没有运行中的服务，也没有其他进程。`,
          ),
        );
      }
    }
  },
};
