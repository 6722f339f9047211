import { cacheOrTmpfsMount, hasWord } from '../../lint/commandArgs';
import type { Stage } from '../../lint/context';
import { appendCommand, commandRange, runsRunning } from '../../lint/runs';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

const yarnNames: ReadonlySet<string> = new Set(['yarn']);

export const yarnCacheLeft: Rule = {
  id: 'yarn-cache-not-cleaned',
  aliases: ['DL3060'],
  category: 'layers',
  severity: 'info',
  docs: {
    en: {
      title: '`yarn install` without `yarn cache clean` after it',
      explanation:
        'yarn keeps every package it downloads in its global cache (`~/.cache/yarn`), and whatever a RUN leaves there is stored in its layer. End the RUN with `&& yarn cache clean`, or use a cache mount at `/usr/local/share/.cache/yarn` (root) or `~/.cache/yarn`. Checked in the last stage, in stages other stages are built FROM, and in ONBUILD.',
    },
    'zh-cn': {
      title: '`yarn install` 之后没有 `yarn cache clean`',
      explanation:
        'yarn 会把下载的每个包都放进全局缓存（`~/.cache/yarn`），一条 RUN 在那里留下的东西会存进它的镜像层。请在这条 RUN 末尾加上 `&& yarn cache clean`，或者在 `/usr/local/share/.cache/yarn`（root）或 `~/.cache/yarn` 使用缓存挂载。只检查最后一个阶段、被其他阶段 FROM 的阶段以及 ONBUILD。',
    },
  },
  check(ctx) {
    const bases = new Set<Stage>();
    for (const s of ctx.stages) if (s.parent) bases.add(s.parent);
    const last = ctx.stages[ctx.stages.length - 1];
    for (const [ins, stage] of runsRunning(ctx, yarnNames)) {
      // A stage without FROM (ONBUILD's RUNs, or a file not given one yet) has no later stage.
      if (stage.from !== undefined && stage !== last && !bases.has(stage)) continue;
      const yarn = ctx.commandsNamed(ins, yarnNames);
      let install: (typeof yarn)[number] | undefined;
      let cleanedAt = -1;
      for (const ref of yarn) {
        if (hasWord(ref.cmd, ['cache']) && hasWord(ref.cmd, ['clean'])) cleanedAt = ref.at;
        else if (hasWord(ref.cmd, ['install'])) install = ref;
      }
      if (!install || install.at < cleanedAt) continue;
      if (cleanedAt < 0 && cacheOrTmpfsMount(ins, '.cache/yarn')) continue;
      ctx.report(
        commandRange(install),
        text(
          'The yarn cache stays in this layer: end the RUN with `&& yarn cache clean`.',
          'yarn 的缓存会留在这一层：在这条 RUN 末尾加上 `&& yarn cache clean`。',
        ),
        appendCommand(
          ctx,
          ins,
          'yarn cache clean',
          text('Append yarn cache clean', '末尾加上 yarn cache clean'),
        ),
      );
    }
  },
};
