import type { Instruction } from '../../parser';
import type { LintContext } from '../../lint/context';
import { text } from '../../lint/report';
import { hasFlag } from '../../lint/shell';
import type { Rule } from '../../lint/types';
import { hasArg, mountTargets, unquote } from '../../lint/util';

const rmNames: ReadonlySet<string> = new Set(['rm']);

/** pip, pip3, python3 (as `python3 -m pip`): the rule looks closer at these only. */
function mayBePip(name: string): boolean {
  return /^pip[0-9.]*$/.test(name) || /^python[0-9.]*$/.test(name);
}

/** The values hadolint reads as "on" for PIP_NO_CACHE_DIR; `0`, `off`, `no`, `false` keep the cache. */
function truthy(value: string | undefined): boolean {
  return value !== undefined && /^(?:1|true|on|yes)$/i.test(unquote(value));
}

/** Whether PIP_NO_CACHE_DIR is on for each RUN, from ENV (and ARG defaults) of its stage and the stages it is built on. */
function noCacheDirEnv(ctx: LintContext): Set<Instruction> {
  const on = new Set<Instruction>();
  const atEnd = new Map<object, boolean>();
  for (const stage of ctx.allStages) {
    let set = stage.parent ? (atEnd.get(stage.parent) ?? false) : false;
    for (const ins of stage.instructions) {
      if (ins.name === 'ENV' || ins.name === 'ARG') {
        for (const p of ins.pairs) if (p.key === 'PIP_NO_CACHE_DIR') set = truthy(p.value);
      } else if (ins.name === 'RUN' && set) on.add(ins);
    }
    atEnd.set(stage, set);
  }
  return on;
}

/** `PIP_NO_CACHE_DIR=…` written in the RUN itself (`export`, `env`, a prefix), as hadolint reads it: the first one. */
function setInRun(ctx: LintContext, ins: Instruction): boolean | undefined {
  for (const script of ctx.scripts(ins)) {
    const m = /\bPIP_NO_CACHE_DIR=(\S*)/.exec(script.text);
    if (m) return truthy(m[1].replace(/[;&|)]+$/, ''));
  }
  return undefined;
}

export const pipNoCacheDir: Rule = {
  readsFinalImage: true,
  id: 'pip-install-without-no-cache-dir',
  aliases: ['DL3042'],
  category: 'layers',
  severity: 'warning',
  docs: {
    en: {
      title: '`pip install` without `--no-cache-dir`',
      explanation:
        'pip keeps downloaded wheels in `~/.cache/pip`, which then stays in the layer. Use `pip install --no-cache-dir`, set `PIP_NO_CACHE_DIR=1` (`0`, `off`, `no` and `false` keep the cache), or mount a cache or tmpfs on `~/.cache/pip`. Stages that do not reach the final image are not checked.',
    },
    'zh-cn': {
      title: '`pip install` 没有使用 `--no-cache-dir`',
      explanation:
        'pip 会把下载的包缓存在 `~/.cache/pip`，于是留在镜像层里。请用 `pip install --no-cache-dir`、设置 `PIP_NO_CACHE_DIR=1`（`0`、`off`、`no`、`false` 都会保留缓存），或在 `~/.cache/pip` 上挂载 cache 或 tmpfs。不进入最终镜像的阶段不检查。',
    },
  },
  check(ctx) {
    let env: Set<Instruction> | undefined;
    for (const [ins, stage] of ctx.ofKind('RUN')) {
      if (!stage.inFinalImage || mountTargets(ins).some((t) => /\.cache(?:\/pip)?\/?$|^\/root\/?$/.test(t)))
        continue;
      const pips = ctx.commandsWhere(ins, mayBePip);
      if (pips.length === 0) continue;
      env ??= noCacheDirEnv(ctx);
      const inRun = setInRun(ctx, ins);
      if (inRun ?? env.has(ins)) continue;
      if (
        ctx
          .commandsNamed(ins, rmNames)
          .some(({ cmd }) => cmd.args.some((a) => /\.cache(\/pip)?\/?\*?$/.test(a.value)))
      ) {
        continue;
      }
      for (const { cmd, script } of pips) {
        // mayBePip let through pip* and python*; python counts only as `python -m pip`.
        const isPip = /^pip[0-9.]*$/.test(cmd.name) || hasArg(cmd, 'pip');
        if (!isPip || !hasArg(cmd, 'install') || hasFlag(cmd.args, '--no-cache-dir')) continue;
        const install = cmd.args.find((a) => a.value === 'install');
        ctx.report(
          script.locate(cmd.start, cmd.end),
          text(
            '`pip install` keeps its download cache in the layer: add `--no-cache-dir`.',
            '`pip install` 会把下载缓存留在镜像层里：加上 `--no-cache-dir`。',
          ),
          install && script.text === ins.argsText
            ? {
                title: text('Add --no-cache-dir', '加上 --no-cache-dir'),
                edits: [{ range: script.locate(install.end, install.end), newText: ' --no-cache-dir' }],
              }
            : undefined,
        );
      }
    }
  },
};
