import { registryHostOf } from '../../../../../common/imageReference';
import { defaultMetaArgs, expandWord } from '../../lint/buildArgs';
import type { LintContext } from '../../lint/context';
import { text } from '../../lint/report';
import type { Rule } from '../../lint/types';
import type { Range } from '../../parser';

/**
 * hadolint's registry patterns: `*` is any registry, `*.example.com` ends so, `registry.*` starts
 * so, anything else is the registry itself. Hosts are compared without case, as DNS names.
 */
export function registryMatches(pattern: string, registry: string): boolean {
  const p = pattern.toLowerCase();
  const r = registry.toLowerCase();
  if (p === '*') return true;
  if (p.startsWith('*')) return r.endsWith(p.slice(1));
  if (p.endsWith('*')) return r.startsWith(p.slice(0, -1));
  return r === p;
}

/** Where an image comes from, for the message: its registry, or Docker Hub. */
function origin(registry: string | undefined): { en: string; zh: string } {
  return registry === undefined
    ? { en: 'Docker Hub (docker.io)', zh: 'Docker Hub（docker.io）' }
    : { en: `\`${registry}\``, zh: `\`${registry}\`` };
}

function checkImage(ctx: LintContext, image: string, range: Range, patterns: readonly string[]): void {
  if (image.toLowerCase() === 'scratch') return;
  const registry = registryHostOf(image);
  // An image without a registry is Docker Hub's, which hadolint knows by both of its names.
  const hosts = registry === undefined ? ['docker.io', 'hub.docker.com'] : [registry];
  if (patterns.some((pattern) => hosts.some((host) => registryMatches(pattern, host)))) return;
  const from = origin(registry);
  const list = patterns.join(', ');
  ctx.report(
    range,
    text(
      `\`${image}\` comes from ${from.en}, which is not a trusted registry (${list}).`,
      `\`${image}\` 来自 ${from.zh}，不在受信任的镜像仓库之列（${list}）。`,
    ),
  );
}

export const untrustedRegistry: Rule = {
  id: 'untrusted-registry',
  aliases: ['DL3026'],
  category: 'security',
  severity: 'error',
  docs: {
    en: {
      title: 'Image from a registry that is not trusted',
      explanation:
        "With `trustedRegistries` in `.hadolint.yaml` (or `berth-lint --trusted-registry`), images may come only from those registries: in `FROM`, `COPY --from` and `RUN --mount=from=`. A pattern may be `*`, `*.example.com` or `registry.*`; an image without a registry is Docker Hub's, trusted as `docker.io` or `hub.docker.com`; `scratch` and earlier stages are always fine. Without the list the rule is silent. Unlike hadolint, a stage named by its index (`COPY --from=0`) or defined later is not taken for an image.",
    },
    'zh-cn': {
      title: '镜像来自不受信任的镜像仓库',
      explanation:
        '在 `.hadolint.yaml` 中设置 `trustedRegistries`（或使用 `berth-lint --trusted-registry`）后，镜像只能来自这些仓库：`FROM`、`COPY --from` 和 `RUN --mount=from=` 中都是如此。模式可以是 `*`、`*.example.com` 或 `registry.*`；没有写仓库的镜像来自 Docker Hub，以 `docker.io` 或 `hub.docker.com` 表示信任；`scratch` 和前面的阶段总是可以的。没有这个列表时本规则不报告。与 hadolint 不同，用序号指定的阶段（`COPY --from=0`）或在后面定义的阶段不会被当作镜像。',
    },
  },
  check(ctx) {
    const patterns = ctx.config.trustedRegistries;
    if (patterns.length === 0) return;
    // `FROM ${BASE}` is checked as the ARG defaults make it; one that cannot be worked out is not.
    const env = defaultMetaArgs(ctx.globalArgs);
    for (const stage of ctx.stages) {
      const word = stage.from.args[0];
      if (!word || stage.parent || !env) continue;
      const image = expandWord(word.value, env);
      if (image !== undefined && image !== '') checkImage(ctx, image, word.range, patterns);
    }
    for (const ref of ctx.semantics.stageReferences) {
      if (ref.kind === 'from' || ref.target || ref.text.includes('$') || /^\d+$/.test(ref.text)) continue;
      const range = ref.range ?? ref.flag?.range;
      if (range) checkImage(ctx, ref.text, range, patterns);
    }
  },
};
