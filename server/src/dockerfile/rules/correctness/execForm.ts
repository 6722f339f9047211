import { singleQuoteFix } from '../../lint/singleQuoteFix';
import type { Rule } from '../../lint/types';
import { edit, fix, stageInstructions } from '../../lint/util';
import { text } from '../../lint/report';

const execNames = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD']);

export const invalidExecForm: Rule = {
  id: 'invalid-exec-form',
  aliases: [],
  category: 'correctness',
  severity: 'error',
  docs: {
    en: {
      title: 'Exec form that is not valid JSON',
      explanation:
        "The exec form must be a JSON array of double-quoted strings. Anything else, such as `['nginx']`, silently becomes shell form: `/bin/sh -c \"['nginx']\"`, which fails at run time.",
    },
    'zh-cn': {
      title: 'exec 形式不是合法的 JSON',
      explanation:
        "exec 形式必须是由双引号字符串组成的 JSON 数组。其他写法（例如 `['nginx']`）会悄悄变成 shell 形式：`/bin/sh -c \"['nginx']\"`，运行时失败。",
    },
  },
  check(ctx) {
    for (const ins of ctx.file.instructions) {
      const target = ins.sub ?? ins;
      if (!execNames.has(target.name) || target.jsonError === undefined) continue;
      const quotes = target.argsText.includes("'");
      ctx.report(
        target.argsRange,
        quotes
          ? text(
              `JSON needs double quotes: this ${target.name} runs as a shell command \`${target.argsText}\`.`,
              `JSON 必须用双引号：这条 ${target.name} 会被当作 shell 命令 \`${target.argsText}\` 执行。`,
            )
          : text(
              `Not a valid JSON array (${target.jsonError}); Docker treats it as shell form.`,
              `不是合法的 JSON 数组（${target.jsonError}）；Docker 会把它当作 shell 形式。`,
            ),
        singleQuoteFix(target),
      );
    }
  },
};

const plainWord = /^[A-Za-z0-9_@%+=:,./-]+$/;

export const shellFormCmd: Rule = {
  id: 'shell-form-cmd',
  aliases: ['DL3025', 'JSONArgsRecommended'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'CMD/ENTRYPOINT in shell form',
      explanation:
        'Shell form runs `/bin/sh -c "…"`: the shell is PID 1, so `docker stop` sends SIGTERM to the shell, your process never sees it and is killed after the timeout. Also, with ENTRYPOINT in shell form, `docker run` arguments and CMD are ignored. Use the exec form `["prog", "arg"]` (or `exec prog` inside the shell form).',
    },
    'zh-cn': {
      title: 'CMD/ENTRYPOINT 使用 shell 形式',
      explanation:
        'shell 形式实际运行 `/bin/sh -c "…"`：shell 是 1 号进程，`docker stop` 发出的 SIGTERM 到了 shell，你的进程收不到，超时后被强制杀死。另外，shell 形式的 ENTRYPOINT 会忽略 `docker run` 的参数和 CMD。请用 exec 形式 `["prog", "arg"]`（或在 shell 形式里写 `exec prog`）。',
    },
  },
  check(ctx) {
    for (const [ins, stage] of stageInstructions(ctx)) {
      if (
        (ins.name !== 'CMD' && ins.name !== 'ENTRYPOINT') ||
        ins.json !== undefined ||
        ins.jsonError !== undefined
      )
        continue;
      if (ins.argsText === '' || /^exec\s/.test(ins.argsText)) continue;
      if (stage.instructions.some((i) => i.name === 'SHELL')) continue;
      const words = ins.argsText.split(/\s+/);
      const simple = words.every((w) => plainWord.test(w)) && ins.range.start.line === ins.range.end.line;
      const exec = JSON.stringify(words).replace(/","/g, '", "');
      ctx.report(
        ins.argsRange,
        text(
          `Shell form: \`docker stop\` signals /bin/sh, not your process. Use the exec form${simple ? ` ${exec}` : ''}.`,
          `shell 形式：\`docker stop\` 的信号发给了 /bin/sh，而不是你的进程。请用 exec 形式${simple ? ` ${exec}` : ''}。`,
        ),
        simple ? fix(text('Convert to exec form', '改为 exec 形式'), edit(ins.argsRange, exec)) : undefined,
      );
    }
  },
};
