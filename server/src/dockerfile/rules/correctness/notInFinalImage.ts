import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

export const notInFinalImage: Rule = {
  readsFinalImage: true,
  id: 'expose-volume-in-build-stage',
  aliases: [],
  category: 'correctness',
  severity: 'info',
  docs: {
    en: {
      title: 'EXPOSE or VOLUME in a stage that is not the final image',
      explanation:
        'Image metadata of a build stage is not carried into the final image by `COPY --from`: an EXPOSE or VOLUME there has no effect on what you run. Move it to the last stage.',
    },
    'zh-cn': {
      title: '在非最终镜像的阶段里使用 EXPOSE 或 VOLUME',
      explanation:
        '构建阶段的镜像元数据不会通过 `COPY --from` 带进最终镜像：那里的 EXPOSE 或 VOLUME 对运行的容器没有任何作用。请移到最后一个阶段。',
    },
  },
  check(ctx) {
    if (ctx.stages.length < 2) return;
    // A stage nobody builds on may be a `--target`; only pure intermediate stages are reported.
    const used = new Set<number>();
    for (const s of ctx.stages) {
      if (s.parent) used.add(s.parent.index);
      for (const i of s.instructions) {
        const from = i.flags.find((f) => f.name === 'from')?.value;
        const stage = from === undefined ? undefined : ctx.stageNamed(from);
        if (stage) used.add(stage.index);
      }
    }
    for (const stage of ctx.stages) {
      if (stage.inFinalImage || !used.has(stage.index)) continue;
      for (const ins of stage.instructions) {
        if (ins.name !== 'EXPOSE' && ins.name !== 'VOLUME') continue;
        ctx.report(
          ins.keywordRange,
          text(
            `This ${ins.name} is in a build stage that is not part of the final image; it has no effect there.`,
            `这条 ${ins.name} 所在的构建阶段不属于最终镜像，在那里没有任何作用。`,
          ),
        );
      }
    }
  },
};
