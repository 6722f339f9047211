import type { Instruction } from '../../parser';
import { onBusybox, onWindows } from '../../lint/baseImage';
import { hasAnyFlag } from '../../lint/commandArgs';
import type { LintContext, Stage } from '../../lint/context';
import type { Rule } from '../../lint/types';
import { type Fix, text } from '../../lint/report';

const nonPosix = ['pwsh', 'powershell', 'cmd'];
const pipefailShells = new Set(['bash', 'zsh', 'ash']);

/** A SHELL that makes pipes fail as a whole, or one that is no POSIX shell (nothing to check). */
function shellSettles(shell: Instruction): boolean {
  const words = shell.json;
  if (!words || words.length === 0) return false;
  if (nonPosix.some((n) => words[0].startsWith(n))) return true;
  const program = words[0].slice(words[0].lastIndexOf('/') + 1);
  if (!pipefailShells.has(program)) return false;
  const args = words.slice(1).map((value) => ({ value }));
  return hasAnyFlag({ args }, ['o']) && words.includes('pipefail');
}

/** The `$( … )` and backquoted parts of a script, where the reader sees no commands of their own. */
function substitutions(src: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === "'") {
      const close = src.indexOf("'", i + 1);
      i = close < 0 ? src.length : close;
    } else if (ch === '\\') i++;
    else if (ch === '`') {
      const close = src.indexOf('`', i + 1);
      if (close < 0) break;
      found.push(src.slice(i + 1, close));
      i = close;
    } else if (ch === '$' && src[i + 1] === '(' && src[i + 2] !== '(') {
      let depth = 1;
      let j = i + 2;
      for (; j < src.length && depth > 0; j++) {
        if (src[j] === '(') depth++;
        else if (src[j] === ')') depth--;
      }
      found.push(src.slice(i + 2, j - 1));
      i = j - 1;
    }
  }
  return found;
}

/** A `|` that is a pipe: outside quotes, and neither half of `||`. */
function hasBarePipe(src: string): boolean {
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') i++;
    else if (ch === "'" || ch === '"') {
      for (i++; i < src.length && src[i] !== ch; i++) if (ch === '"' && src[i] === '\\') i++;
    } else if (ch === '|') {
      if (src[i + 1] === '|') i++;
      else return true;
    }
  }
  return false;
}

function pipesWithin(src: string, depth: number): boolean {
  if (depth > 8 || !src.includes('|')) return false;
  for (const inner of substitutions(src)) {
    if (!inner.includes('|')) continue;
    // Quoted parts of a substitution may hold substitutions of their own: those are looked into next.
    if (hasBarePipe(inner) || pipesWithin(inner, depth + 1)) return true;
  }
  return false;
}

function hasPipe(ctx: LintContext, ins: Instruction): boolean {
  if (ctx.pipedCommands(ins).length > 0) return true;
  return ctx.scripts(ins).some((s) => pipesWithin(s.text, 0));
}

/** An exec-form RUN that itself runs a shell with `-o pipefail`. */
function ownPipefail(ins: Instruction): boolean {
  return ins.json !== undefined && ins.json.includes('pipefail');
}

function shellFix(ins: Instruction, stage: Stage): Fix | undefined {
  if (onWindows(stage)) return undefined;
  const shell = onBusybox(stage) ? '/bin/ash' : '/bin/bash';
  const line = `SHELL ["${shell}", "-o", "pipefail", "-c"]`;
  const at = ins.keywordRange.start;
  return {
    title: text(`Insert ${line} before this RUN`, `在这条 RUN 前插入 ${line}`),
    edits: [{ range: { start: at, end: at }, newText: `${line}\n${' '.repeat(at.character)}` }],
  };
}

export const pipefail: Rule = {
  id: 'pipe-without-pipefail',
  aliases: ['DL4006'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'A pipe in RUN without `-o pipefail`',
      explanation:
        'RUN runs `/bin/sh -c`, and a pipeline succeeds when its last command does: in `RUN wget -O - https://x | tar x` a failed download still builds an image. `set -o pipefail` inside the RUN is not enough, as some `/bin/sh` reject it; put `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (on Alpine `["/bin/ash", "-o", "pipefail", "-c"]`) before the RUN. It holds until the next FROM. Pipes inside `$( … )` count too; an exec-form RUN that starts its own shell with `-o pipefail` is not reported.',
    },
    'zh-cn': {
      title: 'RUN 里有管道却没有 `-o pipefail`',
      explanation:
        'RUN 执行的是 `/bin/sh -c`，而管道只要最后一个命令成功就算成功：`RUN wget -O - https://x | tar x` 即使下载失败也照样构建出镜像。在 RUN 里写 `set -o pipefail` 不够，因为有些 `/bin/sh` 不认它；请在 RUN 之前加上 `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`（Alpine 上用 `["/bin/ash", "-o", "pipefail", "-c"]`）。它一直生效到下一条 FROM。`$( … )` 里的管道也算；exec 形式的 RUN 自己用 `-o pipefail` 启动 shell 时不会被报告。',
    },
  },
  check(ctx) {
    let settled = false;
    let stage: Stage | undefined;
    for (const [ins, s] of ctx.ofKind('SHELL', 'RUN')) {
      // hadolint leaves ONBUILD's RUNs to the shell of the build that runs them.
      if (s === ctx.triggers) continue;
      if (s !== stage) {
        stage = s;
        settled = false;
      }
      if (ins.name === 'SHELL') settled = shellSettles(ins);
      else if (!settled && !ownPipefail(ins) && hasPipe(ctx, ins))
        ctx.report(
          ins.keywordRange,
          text(
            'This RUN has a pipe, and /bin/sh ignores a failure before its last command: set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before it.',
            '这条 RUN 里有管道，而 /bin/sh 会忽略最后一个命令之前的失败：请在它之前设置 `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`。',
          ),
          shellFix(ins, s),
        );
    }
  },
};
