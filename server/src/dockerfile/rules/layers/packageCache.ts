import type { Rule } from '../../lint/types';
import { aptNames, cacheMounted, hasArg, stageInstructions } from '../../lint/util';
import { hasFlag } from '../../lint/shell';
import { text } from '../../lint/report';

/** Package caches left in a layer of the final image: apt lists, apk cache, pip cache. */
const rmNames: ReadonlySet<string> = new Set(['rm']);
const apkNames: ReadonlySet<string> = new Set(['apk']);
const rmOrApk: ReadonlySet<string> = new Set(['rm', 'apk']);

/** pip, pip3, python3 (as `python3 -m pip`): the rule looks closer at these only. */
function mayBePip(name: string): boolean {
  return /^pip[0-9.]*$/.test(name) || /^python[0-9.]*$/.test(name);
}

export const aptListsLeft: Rule = {
  readsFinalImage: true,
  id: 'apt-lists-not-removed',
  aliases: ['DL3009'],
  category: 'layers',
  severity: 'warning',
  docs: {
    en: {
      title: 'apt lists left in the layer',
      explanation:
        '`apt-get update` downloads package lists (tens of MB) into `/var/lib/apt/lists`. Remove them in the same RUN (`&& rm -rf /var/lib/apt/lists/*`); a later RUN cannot free space already stored in a layer. Only the stages that end up in the final image are checked.',
    },
    'zh-cn': {
      title: 'apt 软件包索引残留在镜像层中',
      explanation:
        '`apt-get update` 会把几十 MB 的索引下载到 `/var/lib/apt/lists`。要在同一条 RUN 里删除（`&& rm -rf /var/lib/apt/lists/*`）；之后的 RUN 无法释放已经写进某一层的空间。只检查进入最终镜像的阶段。',
    },
  },
  check(ctx) {
    for (const [ins, stage] of ctx.ofKind('RUN')) {
      if (!stage.inFinalImage || cacheMounted(ins, '/var/lib/apt/lists')) continue;
      const apt = ctx.commandsNamed(ins, aptNames);
      const update = apt.find(({ cmd }) => hasArg(cmd, 'update'));
      const installs = apt.some(({ cmd }) => hasArg(cmd, 'install'));
      if (!update || !installs) continue;
      const cleaned = ctx
        .commandsNamed(ins, rmNames)
        .some(
          ({ cmd }) => cmd.name === 'rm' && cmd.args.some((a) => a.value.startsWith('/var/lib/apt/lists')),
        );
      if (cleaned) continue;
      ctx.report(
        update.script.locate(update.cmd.start, update.cmd.end),
        text(
          'The apt package lists stay in this layer: add `&& rm -rf /var/lib/apt/lists/*` at the end of this RUN.',
          'apt 软件包索引会留在这一层：在这条 RUN 末尾加上 `&& rm -rf /var/lib/apt/lists/*`。',
        ),
      );
    }
  },
};

export const apkNoCache: Rule = {
  readsFinalImage: true,
  id: 'apk-add-without-no-cache',
  aliases: ['DL3019'],
  category: 'layers',
  severity: 'warning',
  docs: {
    en: {
      title: '`apk add` without `--no-cache`',
      explanation:
        '`apk add --no-cache` fetches the index on the fly and leaves nothing in `/var/cache/apk`. Without it the index stays in the layer unless removed in the same RUN.',
    },
    'zh-cn': {
      title: '`apk add` 没有使用 `--no-cache`',
      explanation:
        '`apk add --no-cache` 临时获取索引，不在 `/var/cache/apk` 留下任何东西。否则索引会留在这一层，除非在同一条 RUN 里删除。',
    },
  },
  check(ctx) {
    for (const [ins, stage] of ctx.ofKind('RUN')) {
      if (!stage.inFinalImage || cacheMounted(ins, '/var/cache/apk')) continue;
      const cleaned = ctx
        .commandsNamed(ins, rmOrApk)
        .some(
          ({ cmd }) =>
            (cmd.name === 'rm' && cmd.args.some((a) => a.value.startsWith('/var/cache/apk'))) ||
            (cmd.name === 'apk' && hasArg(cmd, 'cache') && hasArg(cmd, 'clean', 'purge')),
        );
      if (cleaned) continue;
      for (const { cmd, script } of ctx.commandsNamed(ins, apkNames)) {
        if (!hasArg(cmd, 'add') || hasFlag(cmd.args, '--no-cache')) continue;
        if (hasFlag(cmd.args, '--no-network')) continue;
        const add = cmd.args.find((a) => a.value === 'add');
        const range = script.locate(cmd.start, cmd.end);
        ctx.report(
          range,
          text(
            '`apk add` leaves its index in /var/cache/apk: use `apk add --no-cache`.',
            '`apk add` 会把索引留在 /var/cache/apk：请用 `apk add --no-cache`。',
          ),
          add && script.text === ins.argsText
            ? {
                title: text('Add --no-cache', '加上 --no-cache'),
                edits: [{ range: script.locate(add.end, add.end), newText: ' --no-cache' }],
              }
            : undefined,
        );
      }
    }
  },
};

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
        'pip keeps downloaded wheels in `~/.cache/pip`, which then stays in the layer. Use `pip install --no-cache-dir`, set `PIP_NO_CACHE_DIR=1`, or use a cache mount.',
    },
    'zh-cn': {
      title: '`pip install` 没有使用 `--no-cache-dir`',
      explanation:
        'pip 会把下载的包缓存在 `~/.cache/pip`，于是留在镜像层里。请用 `pip install --no-cache-dir`、设置 `PIP_NO_CACHE_DIR=1`，或使用缓存挂载。',
    },
  },
  check(ctx) {
    let envSet = false;
    for (const [ins, stage] of stageInstructions(ctx)) {
      if (ins === stage.instructions[0]) envSet = false;
      if ((ins.name === 'ENV' || ins.name === 'ARG') && ins.pairs.some((p) => p.key === 'PIP_NO_CACHE_DIR'))
        envSet = true;
      if (ins.name !== 'RUN' || !stage.inFinalImage || envSet) continue;
      if (ins.flags.some((f) => f.name === 'mount' && /type=cache/.test(f.value ?? ''))) continue;
      if (
        ctx
          .commandsNamed(ins, rmNames)
          .some(({ cmd }) => cmd.args.some((a) => /\.cache(\/pip)?\/?\*?$/.test(a.value)))
      ) {
        continue;
      }
      for (const { cmd, script } of ctx.commandsWhere(ins, mayBePip)) {
        // mayBePip let through pip* and python*; python counts only as `python -m pip`.
        const isPip = /^pip[0-9.]*$/.test(cmd.name) || hasArg(cmd, 'pip');
        if (!isPip || !hasArg(cmd, 'install') || hasFlag(cmd.args, '--no-cache-dir')) continue;
        if (cmd.words.some((w) => /^PIP_NO_CACHE_DIR=/.test(w.value))) continue;
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
