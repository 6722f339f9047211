import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

/** Names BuildKit gives a meaning of its own (dockerfile2llb reservedStageNames). */
const reserved: ReadonlySet<string> = new Set(['context', 'scratch']);

export const reservedStageName: Rule = {
  id: 'reserved-stage-name',
  aliases: ['ReservedStageName'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'Stage named `scratch` or `context`',
      explanation:
        '`scratch` is the empty image and `context` the build context: a stage with one of these names makes `FROM scratch` or `COPY --from=context` ambiguous to readers and tools. Choose another name.',
    },
    'zh-cn': {
      title: '阶段名为 `scratch` 或 `context`',
      explanation:
        '`scratch` 表示空镜像，`context` 表示构建上下文：阶段用这两个名字，会让 `FROM scratch` 或 `COPY --from=context` 对读者和工具产生歧义。请换一个名字。',
    },
  },
  check(ctx) {
    for (const stage of ctx.stages) {
      if (stage.name === undefined || stage.nameRange === undefined || !reserved.has(stage.name)) continue;
      ctx.report(
        stage.nameRange,
        text(
          `\`${stage.name}\` is reserved (${stage.name === 'scratch' ? 'the empty image' : 'the build context'}): give the stage another name.`,
          `\`${stage.name}\` 是保留名（${stage.name === 'scratch' ? '空镜像' : '构建上下文'}）：请给阶段换一个名字。`,
        ),
      );
    }
  },
};
