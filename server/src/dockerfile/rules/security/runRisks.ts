import type { Rule } from '../../lint/types';
import { stageInstructions } from '../../lint/util';
import { text } from '../../lint/report';

const downloaders: ReadonlySet<string> = new Set(['curl', 'wget']);
const chmodNames: ReadonlySet<string> = new Set(['chmod']);
const rmNames: ReadonlySet<string> = new Set(['rm']);

export const curlPipeShell: Rule = {
  id: 'curl-pipe-shell',
  aliases: [],
  category: 'security',
  severity: 'warning',
  docs: {
    en: {
      title: 'Piping a download straight into a shell',
      explanation:
        '`curl … | sh` runs whatever the server returns, unverified, and a truncated download runs half a script. Download to a file, verify its checksum or signature, then run it.',
    },
    'zh-cn': {
      title: '把下载内容直接管道给 shell',
      explanation:
        '`curl … | sh` 会执行服务器返回的任何内容，不经校验，下载中断时还会执行半个脚本。请先下载成文件，校验摘要或签名后再执行。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('RUN')) {
      const cmds = ctx.commands(ins);
      for (const { cmd, script, at } of ctx.commandsNamed(ins, downloaders)) {
        if (at + 1 >= cmds.length || cmd.operator !== '|') continue;
        const next = cmds[at + 1].cmd;
        if (!/^(sh|bash|ash|dash|zsh|python[0-9.]*|perl|ruby|node)$/.test(next.name)) continue;
        ctx.report(
          script.locate(cmd.start, next.end),
          text(
            `The output of ${cmd.name} is run by ${next.name} without any verification.`,
            `${cmd.name} 的输出未经任何校验就交给 ${next.name} 执行。`,
          ),
        );
      }
    }
  },
};

export const chmod777: Rule = {
  readsFinalImage: true,
  id: 'chmod-777',
  aliases: [],
  category: 'security',
  severity: 'warning',
  docs: {
    en: {
      title: '`chmod 777`',
      explanation:
        'World-writable files let any process in the container (or a mounted volume) replace them. Grant only what is needed, e.g. `755` or `chown` to the app user.',
    },
    'zh-cn': {
      title: '`chmod 777`',
      explanation:
        '所有人可写的文件能被容器内（或挂载卷上的）任何进程替换。只授予需要的权限，例如 `755`，或 `chown` 给应用用户。',
    },
  },
  check(ctx) {
    for (const [ins, stage] of stageInstructions(ctx)) {
      if (!stage.inFinalImage) continue;
      if (ins.name === 'COPY' || ins.name === 'ADD') {
        const f = ins.flags.find((x) => x.name === 'chmod' && /^0?777$/.test(x.value ?? ''));
        if (f)
          ctx.report(f.range, text('Files copied world-writable (777).', '复制的文件对所有人可写（777）。'));
        continue;
      }
      if (ins.name !== 'RUN') continue;
      let removed: Set<string> | undefined;
      for (const { cmd, script } of ctx.commandsNamed(ins, chmodNames)) {
        const mode = cmd.args.find((a) => /^0?777$|^(a|ugo)\+rwx$/.test(a.value));
        if (!mode) continue;
        const gone = (removed ??= new Set(
          ctx.commandsNamed(ins, rmNames).flatMap(({ cmd: c }) => c.args.map((a) => a.value)),
        ));
        // A scratch directory removed again in the same RUN never reaches the image.
        if (cmd.args.some((a) => gone.has(a.value))) continue;
        ctx.report(
          script.locate(mode.start, mode.end),
          text('World-writable permissions (777).', '对所有人可写的权限（777）。'),
        );
      }
    }
  },
};

export const sudoInRun: Rule = {
  id: 'sudo-in-run',
  aliases: ['DL3004'],
  category: 'security',
  severity: 'warning',
  docs: {
    en: {
      title: '`sudo` in RUN',
      explanation:
        'RUN already runs as the current USER; sudo adds a setuid binary and unpredictable TTY/environment behaviour. Switch with `USER root` for the steps that need it, or use gosu in the entrypoint.',
    },
    'zh-cn': {
      title: '在 RUN 中使用 `sudo`',
      explanation:
        'RUN 本来就以当前 USER 运行；sudo 会引入 setuid 程序以及难以预料的 TTY/环境变量行为。需要时用 `USER root` 切换，或在入口脚本中使用 gosu。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('RUN')) {
      for (const { cmd, script } of ctx.sudoCommands(ins)) {
        const word = cmd.words.find((w) => w.value === 'sudo');
        if (word)
          ctx.report(
            script.locate(word.start, word.end),
            text('Avoid sudo in RUN; use USER.', 'RUN 中不要用 sudo；请用 USER。'),
          );
      }
    }
  },
};
