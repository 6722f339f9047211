import type { Stage } from '../../lint/context';
import { commandRange, runsRunning } from '../../lint/runs';
import type { Rule } from '../../lint/types';
import type { ShellCommand } from '../../lint/shellTypes';
import { text } from '../../lint/report';

const downloaders: ReadonlySet<string> = new Set(['curl', 'wget']);

/** `command -v curl` asks whether curl is there; it runs nothing. */
function isLookup(cmd: ShellCommand): boolean {
  return cmd.words[0]?.value === 'command' && cmd.words.some((w) => w.value === '-v' || w.value === '-V');
}

export const curlAndWget: Rule = {
  id: 'curl-and-wget',
  aliases: ['DL4001'],
  category: 'layers',
  severity: 'warning',
  docs: {
    en: {
      title: 'Both curl and wget in one stage',
      explanation:
        'curl and wget do the same job here; needing both usually means installing both, and a tool the image only needed once stays in it. Pick one for the whole stage. Reported on each RUN that uses one of them once the stage has used both (ONBUILD RUNs are counted on their own).',
    },
    'zh-cn': {
      title: '同一个阶段里既用 curl 又用 wget',
      explanation:
        'curl 和 wget 在这里做的是同一件事；两个都用，通常意味着两个都得安装，镜像只用过一次的工具也会一直留在里面。整个阶段请只选一个。一旦阶段里两者都用过，之后每条用到其中之一的 RUN 都会被报告（ONBUILD 里的 RUN 单独计算）。',
    },
  },
  check(ctx) {
    // ONBUILD's RUNs are one stage of their own (ctx.triggers), counted apart as hadolint does.
    const seen = new Map<Stage, Set<string>>();
    for (const [ins, stage] of runsRunning(ctx, downloaders)) {
      const used = ctx.commandsNamed(ins, downloaders).filter((ref) => !isLookup(ref.cmd));
      if (used.length === 0) continue;
      let names = seen.get(stage);
      if (!names) seen.set(stage, (names = new Set()));
      for (const { cmd } of used) names.add(cmd.name);
      if (names.size < 2) continue;
      const first = used[0];
      const other = first.cmd.name === 'curl' ? 'wget' : 'curl';
      ctx.report(
        commandRange(first),
        text(
          `This stage also uses ${other}: one download tool is enough, keep either curl or wget.`,
          `这个阶段还用了 ${other}：一个下载工具就够了，curl 和 wget 只留一个。`,
        ),
      );
    }
  },
};
