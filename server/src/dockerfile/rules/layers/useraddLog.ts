import { flagValues, hasAnyFlag } from '../../lint/commandArgs';
import { commandRange, insertAfter, runsRunning } from '../../lint/runs';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

const useraddNames: ReadonlySet<string> = new Set(['useradd']);

export const useraddHighUid: Rule = {
  id: 'useradd-high-uid-without-l',
  aliases: ['DL3046'],
  category: 'layers',
  severity: 'warning',
  docs: {
    en: {
      title: '`useradd -u` with a high UID and without `-l`',
      explanation:
        'useradd records each user in `/var/log/lastlog` and `/var/log/faillog`, files indexed by UID. With a UID such as 123456 the file is sparse on disk, but a layer stores it in full: hundreds of MB to GB of zeros. `-l` (`--no-log-init`) leaves the user out of those logs.',
    },
    'zh-cn': {
      title: '`useradd -u` 用了很大的 UID 却没有 `-l`',
      explanation:
        'useradd 会把每个用户记进 `/var/log/lastlog` 和 `/var/log/faillog`，这两个文件按 UID 建索引。UID 是 123456 这样的大数时，文件在磁盘上是稀疏的，但镜像层会把它完整存下来：几百 MB 到几 GB 的零。`-l`（`--no-log-init`）让这个用户不写进这些日志。',
    },
  },
  check(ctx) {
    for (const [ins] of runsRunning(ctx, useraddNames)) {
      for (const ref of ctx.commandsNamed(ins, useraddNames)) {
        const { cmd, script } = ref;
        if (hasAnyFlag(cmd, ['l', 'no-log-init']) || !hasAnyFlag(cmd, ['u', 'uid'])) continue;
        // As hadolint reads it: the word after `-u`, more than five characters long.
        if (!flagValues(cmd, 'u').some((uid) => uid.length > 5)) continue;
        const name = cmd.nameWord;
        ctx.report(
          commandRange(ref),
          text(
            'A UID this high makes /var/log/lastlog and faillog huge in the layer: add `-l` (`--no-log-init`).',
            'UID 这么大会让镜像层里的 /var/log/lastlog 和 faillog 变得巨大：加上 `-l`（`--no-log-init`）。',
          ),
          name && insertAfter(script, name, ' -l', text('Add -l', '加上 -l')),
        );
      }
    }
  },
};
