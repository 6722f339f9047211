import { hasWord } from '../../lint/commandArgs';
import { commandRange, runsRunning } from '../../lint/runs';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

const zypperNames: ReadonlySet<string> = new Set(['zypper']);

export const zypperDistUpgrade: Rule = {
  id: 'zypper-dist-upgrade',
  aliases: ['DL3035'],
  category: 'cache',
  severity: 'warning',
  docs: {
    en: {
      title: '`zypper dist-upgrade` during the build',
      explanation:
        '`zypper dist-upgrade` (`dup`) may move the image to a new distribution release, and what it installs depends on the day the cache was last busted. Pick the release with the base image tag instead, and install or update the packages you need by name.',
    },
    'zh-cn': {
      title: '构建时执行 `zypper dist-upgrade`',
      explanation:
        '`zypper dist-upgrade`（`dup`）可能把镜像升级到新的发行版本，装上什么还取决于缓存最后一次失效的日子。请用基础镜像的标签选定发行版本，需要的软件包按名字安装或更新。',
    },
  },
  check(ctx) {
    for (const [ins] of runsRunning(ctx, zypperNames)) {
      for (const ref of ctx.commandsNamed(ins, zypperNames)) {
        const { cmd } = ref;
        if (!hasWord(cmd, ['dist-upgrade', 'dup'])) continue;
        ctx.report(
          commandRange(ref),
          text(
            'Upgrading the whole distribution in a build makes the image depend on the build date: use a newer base image tag instead.',
            '在构建中升级整个发行版会让镜像取决于构建日期：请改用更新的基础镜像标签。',
          ),
        );
      }
    }
  },
};
