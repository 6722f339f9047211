import type { Rule } from '../../lint/types';
import { aptNames, hasArg, isApt } from '../../lint/util';
import { text } from '../../lint/report';

export const installWithoutUpdate: Rule = {
  id: 'apt-install-without-update',
  aliases: [],
  category: 'cache',
  severity: 'warning',
  docs: {
    en: {
      title: '`apt-get install` without `apt-get update` before it in the same RUN',
      explanation:
        'Base images ship without package lists, and a list fetched in an earlier RUN is frozen in the build cache: months later `install` asks for versions the mirror no longer has. Run `apt-get update && apt-get install …` in one RUN, update first.',
    },
    'zh-cn': {
      title: '同一条 RUN 里 `apt-get install` 之前没有 `apt-get update`',
      explanation:
        '基础镜像不带软件包索引；前面某条 RUN 获取的索引又会被构建缓存冻结，几个月后 `install` 会去要镜像站已经没有的版本。请在同一条 RUN 里先 `apt-get update && apt-get install …`。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('RUN')) {
      let updated = false;
      const apt = ctx.commandsNamed(ins, aptNames);
      for (const { cmd, script } of apt) {
        if (hasArg(cmd, 'update', '--update')) updated = true;
        else if (hasArg(cmd, 'install', 'upgrade', 'dist-upgrade') && !updated) {
          const later = apt.some(({ cmd: c }) => c.start > cmd.start && hasArg(c, 'update'));
          if (!later && !hasArg(cmd, 'install')) continue;
          if (cmd.args.some((a) => /\.deb$/.test(a.value))) continue;
          ctx.report(
            script.locate(cmd.start, cmd.end),
            later
              ? text(
                  '`apt-get install` runs before `apt-get update`: swap them so the install uses fresh lists.',
                  '`apt-get install` 在 `apt-get update` 之前执行：请对调顺序，让安装使用最新的索引。',
                )
              : text(
                  '`apt-get install` without `apt-get update` in the same RUN: write `apt-get update && apt-get install …`.',
                  '同一条 RUN 里没有 `apt-get update`：请写成 `apt-get update && apt-get install …`。',
                ),
          );
          updated = true;
        }
      }
    }
  },
};

/** Programs that use the lists `apt-get update` fetched (apt itself only with some sub-commands). */
function readsAptLists(name: string): boolean {
  return (
    aptNames.has(name) ||
    name === 'apt-cache' ||
    name === 'apt-mark' ||
    name === 'apt-get-install' ||
    /^(\.\/|\/).*\.sh$/.test(name) ||
    name.endsWith('.sh')
  );
}

const upgraders: ReadonlySet<string> = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf']);

export const updateAlone: Rule = {
  id: 'apt-update-alone',
  aliases: [],
  category: 'cache',
  severity: 'warning',
  docs: {
    en: {
      title: '`apt-get update` in a RUN of its own',
      explanation:
        'The build cache keeps this layer as long as the line does not change, so later installs use an old package list. Put `apt-get update` in the same RUN as `apt-get install`.',
    },
    'zh-cn': {
      title: '`apt-get update` 单独占一条 RUN',
      explanation:
        '只要这一行不变，构建缓存就会一直复用这一层，之后的安装用的是过期的索引。请把 `apt-get update` 和 `apt-get install` 写在同一条 RUN 里。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('RUN')) {
      const update = ctx.commandsNamed(ins, aptNames).find(({ cmd }) => hasArg(cmd, 'update'));
      if (!update) continue;
      const uses = ctx
        .commandsWhere(ins, readsAptLists)
        .some(
          ({ cmd }) =>
            !isApt(cmd) ||
            hasArg(cmd, 'install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'source'),
        );
      if (uses) continue;
      ctx.report(
        update.script.locate(update.cmd.start, update.cmd.end),
        text(
          '`apt-get update` alone in a RUN is cached forever: chain it with the `apt-get install` that needs it.',
          '单独一条 RUN 里的 `apt-get update` 会被永久缓存：请和需要它的 `apt-get install` 串在一起。',
        ),
      );
    }
  },
};

export const packageUpgrade: Rule = {
  id: 'package-upgrade',
  aliases: [],
  category: 'cache',
  severity: 'info',
  docs: {
    en: {
      title: 'Upgrading all packages during the build',
      explanation:
        "`apt-get upgrade`, `apk upgrade`, `yum/dnf update` make the result depend on the day of the build while the cache hides it: two builds of the same Dockerfile differ. Prefer a fresher base image tag and pin what you need. hadolint's DL3005 reported only `apt-get dist-upgrade` and was removed in hadolint 2.12, so this rule does not claim it.",
    },
    'zh-cn': {
      title: '构建时升级全部软件包',
      explanation:
        '`apt-get upgrade`、`apk upgrade`、`yum/dnf update` 让结果取决于构建的日期，而缓存又把差异藏起来：同一个 Dockerfile 构建两次结果不同。请改用更新的基础镜像标签，并固定需要的版本。hadolint 的 DL3005 只报告 `apt-get dist-upgrade`，并已在 hadolint 2.12 中移除，因此本规则不对应它。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('RUN')) {
      for (const { cmd, script } of ctx.commandsNamed(ins, upgraders)) {
        const upgrade =
          (isApt(cmd) && hasArg(cmd, 'upgrade', 'dist-upgrade', 'full-upgrade')) ||
          (cmd.name === 'apk' && hasArg(cmd, 'upgrade')) ||
          ((cmd.name === 'yum' || cmd.name === 'dnf' || cmd.name === 'microdnf') &&
            hasArg(cmd, 'update', 'upgrade') &&
            !cmd.args.some(
              (a) => !a.value.startsWith('-') && !['update', 'upgrade', 'makecache'].includes(a.value),
            ));
        if (!upgrade) continue;
        ctx.report(
          script.locate(cmd.start, cmd.end),
          text(
            `\`${cmd.name} ${cmd.args.find((a) => !a.value.startsWith('-'))?.value ?? ''}\` upgrades every package at build time; prefer a newer base image.`,
            `\`${cmd.name} ${cmd.args.find((a) => !a.value.startsWith('-'))?.value ?? ''}\` 会在构建时升级所有软件包；请改用更新的基础镜像。`,
          ),
        );
      }
    }
  },
};
