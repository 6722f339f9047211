import { registryHostOf } from '../../../../../common/imageReference';
import type { Instruction } from '../../parser';
import type { BuildStage, LintContext } from '../../lint/context';
import { text } from '../../lint/report';
import type { Rule } from '../../lint/types';
import { flag, unquote } from '../../lint/util';

/** hadolint's `imageName`: the reference without registry, tag and digest, compared with stage names. */
function imageName(reference: string): string {
  const at = reference.indexOf('@');
  const host = registryHostOf(reference);
  const name = (at < 0 ? reference : reference.slice(0, at)).slice(host === undefined ? 0 : host.length + 1);
  const colon = name.lastIndexOf(':');
  return (colon > name.lastIndexOf('/') ? name.slice(0, colon) : name).toLowerCase();
}

/**
 * The stages that lack `label`, walked as hadolint's DL3049 walks them. A stage is fine once it sets
 * the label, or when it is built FROM a stage that had set it by then. A stage still lacking it
 * is let off when a later `COPY --from=<its name>` copies from it, or when a later stage named
 * like it (or, without a name, built on an image of that name) sets the label. Stage names are
 * compared without case, as BuildKit resolves them.
 */
function stagesLacking(ctx: LintContext, label: string, stageOf: Map<Instruction, BuildStage>): BuildStage[] {
  const good = new Set<BuildStage>();
  const lacking = new Set<BuildStage>();
  let current: BuildStage | undefined;
  const letOff = (name: string): void => {
    for (const stage of lacking) if (stage.name === name) lacking.delete(stage);
  };
  // Top-level instructions only: ONBUILD's LABEL and COPY belong to another build.
  for (const ins of ctx.file.instructions) {
    const stage = stageOf.get(ins);
    if (stage) {
      const base = imageName(stage.image);
      const inherits =
        current !== undefined && [...good].some((g) => g.name !== undefined && g.name === base);
      (inherits ? good : lacking).add(stage);
      current = stage;
    } else if (!current) continue;
    else if (ins.name === 'COPY') {
      const from = flag(ins, 'from');
      if (from !== undefined) letOff(from.toLowerCase());
    } else if (ins.name === 'LABEL' && ins.pairs.some((p) => unquote(p.key) === label)) {
      letOff(current.name ?? imageName(current.image));
      lacking.delete(current);
      good.add(current);
    }
  }
  return [...lacking];
}

export const labelMissing: Rule = {
  readsFinalImage: true,
  id: 'label-missing',
  aliases: ['DL3049'],
  category: 'style',
  severity: 'info',
  docs: {
    en: {
      title: 'A label the label schema requires is missing',
      explanation:
        'With `label-schema` in `.hadolint.yaml` (or `berth-lint --require-label name:type`), each stage must set every label the schema names: with a `LABEL` of its own, or by being built `FROM` a stage that set it. Reported on the stage’s `FROM`, once per missing label, as hadolint’s DL3049. A stage that is only a step of the build is let off: one a later `COPY --from=<name>` copies from, or one whose label a later stage built on it sets instead. Unlike hadolint, stage names are matched without regard to case, as BuildKit matches them. Without a schema the rule is silent.',
    },
    'zh-cn': {
      title: '缺少标签模式要求的标签',
      explanation:
        '在 `.hadolint.yaml` 中设置 `label-schema`（或使用 `berth-lint --require-label 名称:类型`）后，每个阶段都必须设置模式中列出的每个标签：可以用自己的 `LABEL`，也可以 `FROM` 一个已经设置了该标签的阶段来继承。与 hadolint 的 DL3049 一样，报告在该阶段的 `FROM` 上，每缺一个标签报告一次。只是构建中间步骤的阶段不会被报告：后面有 `COPY --from=<名称>` 从它复制文件的阶段，或者后面基于它构建的阶段替它设置了该标签的阶段。与 hadolint 不同，阶段名匹配时不区分大小写，和 BuildKit 一样。没有标签模式时本规则不报告。',
    },
  },
  check(ctx) {
    const schema = ctx.config.labelSchema;
    if (schema.size === 0) return;
    const stageOf = new Map(ctx.stages.map((s) => [s.from, s]));
    for (const label of schema.keys())
      for (const stage of stagesLacking(ctx, label, stageOf))
        ctx.report(
          stage.from.range,
          text(
            `This stage has no \`${label}\` label, which the label schema requires.`,
            `这个阶段没有标签模式要求的标签 \`${label}\`。`,
          ),
        );
  },
};
