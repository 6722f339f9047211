import type { KeyValue } from '../../parser';
import type { LintContext } from '../../lint/context';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';
import { expandSimple } from '../../semantics/varRefs';

/** Global ARG defaults, to resolve `FROM ${IMAGE}`. */
function globalDefaults(ctx: LintContext): Map<string, string | undefined> {
  const env = new Map<string, string | undefined>();
  // The pairs are read in a function of their own: V8 compiled the inner of two nested loops
  // alone and threw it away on each exit, 8,000 times over the fuzz inputs.
  for (const ins of ctx.globalArgs) addDefaults(env, ins.pairs);
  return env;
}

function addDefaults(env: Map<string, string | undefined>, pairs: readonly KeyValue[]): void {
  for (const p of pairs) env.set(p.key, p.value?.replace(/^["']|["']$/g, ''));
}

export const fromLatest: Rule = {
  id: 'from-untagged',
  aliases: ['DL3006', 'DL3007'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'FROM without a tag, or with `latest`',
      explanation:
        'Without a tag Docker uses `latest`, which moves: the same Dockerfile builds a different image next month, and the cache hides when it changed. Pin a version tag (and prefer small bases such as `-slim` or `-alpine`), or a digest.',
    },
    'zh-cn': {
      title: 'FROM 没有标签，或使用 `latest`',
      explanation:
        '不写标签时 Docker 使用 `latest`，而它会变：同一个 Dockerfile 下个月构建出来的是另一个镜像，缓存还会掩盖变化的时间。请固定版本标签（优先选 `-slim`、`-alpine` 这类小镜像），或使用摘要。',
    },
  },
  check(ctx) {
    const env = globalDefaults(ctx);
    for (const stage of ctx.stages) {
      const word = stage.from.args[0];
      if (!word || stage.parent || word.value === 'scratch') continue;
      const image = expandSimple(word.value, env);
      if (image === undefined || image === 'scratch' || ctx.stageNamed(image) || image.includes('@'))
        continue;
      const lastSlash = image.lastIndexOf('/');
      const colon = image.indexOf(':', lastSlash + 1);
      const tag = colon >= 0 ? image.slice(colon + 1) : undefined;
      if (tag !== undefined && tag !== 'latest') continue;
      ctx.reportAs(
        tag === 'latest' ? 'DL3007' : 'DL3006',
        word.range,
        tag === 'latest'
          ? text(
              `\`${image}\` pins nothing: \`latest\` moves. Use a version tag.`,
              `\`${image}\` 并没有固定版本：\`latest\` 会变。请使用版本标签。`,
            )
          : text(
              `\`${image}\` has no tag, so it means \`${image}:latest\`. Pin a version tag.`,
              `\`${image}\` 没有标签，等于 \`${image}:latest\`。请固定版本标签。`,
            ),
      );
    }
  },
};
