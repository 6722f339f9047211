import type { RuleDoc, RuleLanguage } from '../../../../../common/rules';
import { cacheOrTmpfsMount, hasWord } from '../../lint/commandArgs';
import { appendCommand, commandRange, runsRunning } from '../../lint/runs';
import type { Rule } from '../../lint/types';
import type { CommandRef, ShellCommand } from '../../lint/shellTypes';
import { text } from '../../lint/report';

/** A package manager whose download cache stays in the layer unless cleaned in the same RUN. */
interface CacheKeeper {
  id: string;
  alias: string;
  programs: readonly string[];
  installs: readonly string[];
  /** Words that make a command of the same program a clean (`yum clean all`, `zypper cc`). */
  cleans: readonly string[];
  /** Where the cache lives: `rm` under one of these cleans too, a cache mount there avoids it. */
  cacheDirs: readonly string[];
  /** What the fix appends. */
  cleanCommand: (program: string) => string;
  docs: Readonly<Record<RuleLanguage, RuleDoc>>;
}

const rmNames: ReadonlySet<string> = new Set(['rm']);

function removesCache(cmd: ShellCommand, dirs: readonly string[]): boolean {
  return cmd.args.some((a) =>
    dirs.some((d) => a.value === d || a.value.startsWith(d + '/') || a.value.startsWith(d + '*')),
  );
}

/** The last of a program's installs with no clean after it, or undefined. */
function uncleaned(
  commands: readonly CommandRef[],
  removals: readonly CommandRef[],
  program: string,
  k: CacheKeeper,
): CommandRef | undefined {
  let lastInstall: CommandRef | undefined;
  let lastClean = -1;
  for (const ref of commands) {
    if (ref.cmd.name !== program) continue;
    if (hasWord(ref.cmd, k.cleans)) lastClean = ref.at;
    else if (hasWord(ref.cmd, k.installs)) lastInstall = ref;
  }
  for (const ref of removals) if (removesCache(ref.cmd, k.cacheDirs)) lastClean = Math.max(lastClean, ref.at);
  return lastInstall && lastInstall.at > lastClean ? lastInstall : undefined;
}

function cacheRule(k: CacheKeeper): Rule {
  const programs: ReadonlySet<string> = new Set(k.programs);
  return {
    id: k.id,
    aliases: [k.alias],
    category: 'layers',
    severity: 'warning',
    docs: k.docs,
    check(ctx) {
      for (const [ins] of runsRunning(ctx, programs)) {
        const commands = ctx.commandsNamed(ins, programs);
        if (commands.length === 0) continue;
        if (k.cacheDirs.some((d) => cacheOrTmpfsMount(ins, d))) continue;
        const removals = ctx.commandsNamed(ins, rmNames);
        for (const program of k.programs) {
          const install = uncleaned(commands, removals, program, k);
          if (!install) continue;
          const clean = k.cleanCommand(program);
          ctx.report(
            commandRange(install),
            text(
              `The ${program} cache stays in this layer: end the RUN with \`&& ${clean}\`.`,
              `${program} 的缓存会留在这一层：在这条 RUN 末尾加上 \`&& ${clean}\`。`,
            ),
            appendCommand(ctx, ins, clean, text(`Append ${clean}`, `末尾加上 ${clean}`)),
          );
        }
      }
    },
  };
}

export const yumCacheLeft = cacheRule({
  id: 'yum-cache-not-cleaned',
  alias: 'DL3032',
  programs: ['yum'],
  installs: ['install'],
  cleans: ['clean'],
  cacheDirs: ['/var/cache/yum'],
  cleanCommand: () => 'yum clean all',
  docs: {
    en: {
      title: '`yum install` without `yum clean all` after it',
      explanation:
        'yum keeps downloaded packages and metadata in `/var/cache/yum`, and whatever a RUN leaves there is stored in its layer for good. End the RUN that installs with `&& yum clean all` (or remove `/var/cache/yum`), or use a cache mount there. Only a clean after the last install counts.',
    },
    'zh-cn': {
      title: '`yum install` 之后没有 `yum clean all`',
      explanation:
        'yum 会把下载的软件包和元数据放在 `/var/cache/yum`，一条 RUN 在那里留下的东西会永久存进它的镜像层。请在安装的那条 RUN 末尾加上 `&& yum clean all`（或删除 `/var/cache/yum`），或者在那里使用缓存挂载。只有最后一次安装之后的清理才算数。',
    },
  },
});

export const dnfCacheLeft = cacheRule({
  id: 'dnf-cache-not-cleaned',
  alias: 'DL3040',
  programs: ['dnf', 'microdnf'],
  installs: ['install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei'],
  cleans: ['clean'],
  cacheDirs: ['/var/cache/libdnf5', '/var/cache/dnf', '/var/cache/yum'],
  cleanCommand: (program) => `${program} clean all`,
  docs: {
    en: {
      title: '`dnf install` without `dnf clean all` after it',
      explanation:
        'dnf and microdnf keep downloaded packages and metadata in `/var/cache/libdnf5` (dnf 5), `/var/cache/dnf` or `/var/cache/yum`, and whatever a RUN leaves there is stored in its layer for good. End the RUN that installs or upgrades with `&& dnf clean all` (the same program that installed), or use a cache mount there.',
    },
    'zh-cn': {
      title: '`dnf install` 之后没有 `dnf clean all`',
      explanation:
        'dnf 和 microdnf 会把下载的软件包和元数据放在 `/var/cache/libdnf5`（dnf 5）、`/var/cache/dnf` 或 `/var/cache/yum`，一条 RUN 在那里留下的东西会永久存进它的镜像层。请在安装或升级的那条 RUN 末尾加上 `&& dnf clean all`（用安装时的同一个程序），或者在那里使用缓存挂载。',
    },
  },
});

export const zypperCacheLeft = cacheRule({
  id: 'zypper-cache-not-cleaned',
  alias: 'DL3036',
  programs: ['zypper'],
  installs: ['install', 'in'],
  cleans: ['clean', 'cc'],
  cacheDirs: ['/var/cache/zypp'],
  cleanCommand: () => 'zypper clean --all',
  docs: {
    en: {
      title: '`zypper install` without `zypper clean` after it',
      explanation:
        'zypper keeps downloaded packages and repository metadata in `/var/cache/zypp`, and whatever a RUN leaves there is stored in its layer for good. End the RUN that installs with `&& zypper clean --all` (`zypper cc`), or use a cache mount at `/var/cache/zypp`.',
    },
    'zh-cn': {
      title: '`zypper install` 之后没有 `zypper clean`',
      explanation:
        'zypper 会把下载的软件包和软件源元数据放在 `/var/cache/zypp`，一条 RUN 在那里留下的东西会永久存进它的镜像层。请在安装的那条 RUN 末尾加上 `&& zypper clean --all`（`zypper cc`），或者在 `/var/cache/zypp` 使用缓存挂载。',
    },
  },
});
