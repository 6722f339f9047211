import type { Instruction } from '../../parser';
import type { Rule } from '../../lint/types';
import { hasArg, isUnder, mountedOver, mountTargets } from '../../lint/util';
import { hasFlag } from '../../lint/shell';
import { text } from '../../lint/report';

/** Package caches left in a layer of the final image: apt lists, apk cache (pip: pipCache.ts). */
const rmNames: ReadonlySet<string> = new Set(['rm']);
const apkNames: ReadonlySet<string> = new Set(['apk']);
const rmOrApk: ReadonlySet<string> = new Set(['rm', 'apk']);
const aptFamily: ReadonlySet<string> = new Set(['apt-get', 'apt', 'aptitude']);

/**
 * How cache or tmpfs mounts keep apt's files out of the layer, as hadolint judges it: a mount
 * on the lists themselves, or on both /var/lib/apt and /var/cache/apt. /var/lib/apt alone
 * leaves /var/cache/apt (the packages apt downloaded) in the layer.
 */
function aptMounts(ins: Instruction): 'covered' | 'lib only' | 'none' {
  const targets = mountTargets(ins);
  if (targets.length === 0) return 'none';
  if (targets.some((t) => t.replace(/\/+$/, '') === '/var/lib/apt/lists')) return 'covered';
  if (!targets.some((t) => isUnder('/var/lib/apt', t))) return 'none';
  return mountedOver(ins, '/var/cache/apt') ? 'covered' : 'lib only';
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
        '`apt-get update` downloads package lists (tens of MB) into `/var/lib/apt/lists`. Remove them in the same RUN (`&& rm -rf /var/lib/apt/lists/*`), or mount a cache or tmpfs on the lists (or on both `/var/lib/apt` and `/var/cache/apt`); a later RUN cannot free space already stored in a layer. Only the stages that end up in the final image are checked.',
    },
    'zh-cn': {
      title: 'apt 软件包索引残留在镜像层中',
      explanation:
        '`apt-get update` 会把几十 MB 的索引下载到 `/var/lib/apt/lists`。要在同一条 RUN 里删除（`&& rm -rf /var/lib/apt/lists/*`），或在索引目录（或同时在 `/var/lib/apt` 和 `/var/cache/apt`）上挂载 cache 或 tmpfs；之后的 RUN 无法释放已经写进某一层的空间。只检查进入最终镜像的阶段。',
    },
  },
  check(ctx) {
    for (const [ins, stage] of ctx.ofKind('RUN')) {
      if (!stage.inFinalImage) continue;
      const mounts = aptMounts(ins);
      if (mounts === 'covered') continue;
      const apt = ctx.commandsNamed(ins, aptFamily);
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
        mounts === 'lib only'
          ? text(
              'Only /var/lib/apt is mounted: the packages apt downloads to /var/cache/apt stay in this layer. Mount a cache on /var/cache/apt too.',
              '只挂载了 /var/lib/apt：apt 下载到 /var/cache/apt 的软件包会留在这一层。请同时在 /var/cache/apt 上挂载缓存。',
            )
          : text(
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
        '`apk add --no-cache` fetches the index on the fly and leaves nothing in `/var/cache/apk`. Without it the index stays in the layer; removing it afterwards (`rm -rf /var/cache/apk/*`) works too, but `--no-cache` needs neither that nor `apk update`, and hadolint (DL3019) asks for it either way. A cache or tmpfs mount on `/var/cache/apk` is fine. Only the stages that end up in the final image are checked.',
    },
    'zh-cn': {
      title: '`apk add` 没有使用 `--no-cache`',
      explanation:
        '`apk add --no-cache` 临时获取索引，不在 `/var/cache/apk` 留下任何东西。否则索引会留在这一层；事后删除（`rm -rf /var/cache/apk/*`）也可以，但 `--no-cache` 既不需要删除也不需要 `apk update`，hadolint（DL3019）无论哪种情况都要求它。在 `/var/cache/apk` 上挂载 cache 或 tmpfs 也可以。只检查进入最终镜像的阶段。',
    },
  },
  check(ctx) {
    for (const [ins, stage] of ctx.ofKind('RUN')) {
      if (!stage.inFinalImage || mountedOver(ins, '/var/cache/apk')) continue;
      const cleaned = ctx
        .commandsNamed(ins, rmOrApk)
        .some(
          ({ cmd }) =>
            (cmd.name === 'rm' && cmd.args.some((a) => a.value.startsWith('/var/cache/apk'))) ||
            (cmd.name === 'apk' && hasArg(cmd, 'cache') && hasArg(cmd, 'clean', 'purge')),
        );
      for (const { cmd, script } of ctx.commandsNamed(ins, apkNames)) {
        if (!hasArg(cmd, 'add') || hasFlag(cmd.args, '--no-cache')) continue;
        if (hasFlag(cmd.args, '--no-network')) continue;
        const add = cmd.args.find((a) => a.value === 'add');
        const range = script.locate(cmd.start, cmd.end);
        ctx.report(
          range,
          cleaned
            ? text(
                '`apk add --no-cache` needs no `apk update` and no removal of /var/cache/apk afterwards: use it instead.',
                '`apk add --no-cache` 既不需要 `apk update`，也不需要事后删除 /var/cache/apk：请改用它。',
              )
            : text(
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
