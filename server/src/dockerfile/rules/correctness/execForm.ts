import type { Instruction } from '../../parser';
import type { Stage } from '../../semantics';
import { singleQuoteFix } from '../../lint/singleQuoteFix';
import type { Rule } from '../../lint/types';
import { edit, fix } from '../../lint/util';
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

/** A SHELL before `ins` in its stage, or anywhere in the stages it is built FROM (their image's config). */
function shellSetBefore(stage: Stage, ins: Instruction): boolean {
  for (const i of stage.instructions) {
    if (i === ins) break;
    if (i.name === 'SHELL') return true;
  }
  for (let s = stage.parent; s; s = s.parent) if (s.instructions.some((i) => i.name === 'SHELL')) return true;
  return false;
}

export const shellFormCmd: Rule = {
  id: 'shell-form-cmd',
  aliases: ['JSONArgsRecommended'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'CMD/ENTRYPOINT in shell form',
      explanation:
        'Shell form runs `/bin/sh -c "…"`: the shell is PID 1, so `docker stop` sends SIGTERM to the shell, your process never sees it and is killed after the timeout. Also, with ENTRYPOINT in shell form, `docker run` arguments and CMD are ignored. Use the exec form `["prog", "arg"]` (or `exec prog` inside the shell form). As BuildKit\'s JSONArgsRecommended does, a SHELL earlier in the stage (or in the stage it is built FROM) means the shell form is meant. Unlike hadolint\'s DL3025, `HEALTHCHECK CMD` is not checked: a health check is short-lived, receives no stop signal and often needs the shell for `||`. So this rule does not claim DL3025.',
    },
    'zh-cn': {
      title: 'CMD/ENTRYPOINT 使用 shell 形式',
      explanation:
        'shell 形式实际运行 `/bin/sh -c "…"`：shell 是 1 号进程，`docker stop` 发出的 SIGTERM 到了 shell，你的进程收不到，超时后被强制杀死。另外，shell 形式的 ENTRYPOINT 会忽略 `docker run` 的参数和 CMD。请用 exec 形式 `["prog", "arg"]`（或在 shell 形式里写 `exec prog`）。与 BuildKit 的 JSONArgsRecommended 一样，阶段里前面（或它 FROM 的阶段里）有 SHELL 时，说明 shell 形式是有意为之。与 hadolint 的 DL3025 不同，这里不检查 `HEALTHCHECK CMD`：健康检查很短暂，收不到停止信号，还常常需要 shell 的 `||`。因此本规则不对应 DL3025。',
    },
  },
  check(ctx) {
    for (const [ins, stage] of ctx.ofKind('CMD', 'ENTRYPOINT')) {
      if (
        (ins.name !== 'CMD' && ins.name !== 'ENTRYPOINT') ||
        ins.json !== undefined ||
        ins.jsonError !== undefined
      )
        continue;
      if (ins.argsText === '' || /^exec\s/.test(ins.argsText)) continue;
      if (shellSetBefore(stage, ins)) continue;
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
