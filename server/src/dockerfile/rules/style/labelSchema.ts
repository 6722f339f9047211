import type { KeyValue } from '../../parser';
import type { LabelType } from '../../lint/config';
import type { LintContext } from '../../lint/context';
import { text } from '../../lint/report';
import type { Rule } from '../../lint/types';
import { unquote } from '../../lint/util';

export interface SchemaLabel {
  pair: KeyValue;
  label: string;
  value: string;
  /** The type the schema gives it; undefined for a label the schema does not name. */
  type: LabelType | undefined;
}

/**
 * Every pair of every LABEL (ONBUILD's aside, as hadolint), key and value unquoted. Values are
 * taken as written: `${VERSION}` is not expanded, as hadolint does not expand it either.
 */
export function* schemaLabels(ctx: LintContext): Generator<SchemaLabel> {
  const schema = ctx.config.labelSchema;
  for (const [ins] of ctx.ofKind('LABEL'))
    for (const pair of ins.pairs) {
      const label = unquote(pair.key);
      yield { pair, label, value: unquote(pair.value ?? ''), type: schema.get(label) };
    }
}

export const labelNotInSchema: Rule = {
  id: 'label-not-in-schema',
  aliases: ['DL3050'],
  category: 'style',
  severity: 'info',
  docs: {
    en: {
      title: 'Label outside the label schema, with strict labels on',
      explanation:
        'With `strict-labels: true` in `.hadolint.yaml` (or `berth-lint --strict-labels`), an image may carry only the labels `label-schema` names; with strict labels and no schema, any label is reported. Add the label to the schema, or drop it. Each such label is reported on its own, where hadolint reports a `LABEL` line once. Without strict labels the rule is silent.',
    },
    'zh-cn': {
      title: '标签不在标签模式中（已开启严格标签）',
      explanation:
        '在 `.hadolint.yaml` 中设置 `strict-labels: true`（或使用 `berth-lint --strict-labels`）后，镜像只能带有 `label-schema` 中列出的标签；开启严格标签却没有标签模式时，任何标签都会被报告。请把该标签加入标签模式，或者删掉它。每个这样的标签单独报告一次，而 hadolint 对一行 `LABEL` 只报告一次。未开启严格标签时本规则不报告。',
    },
  },
  check(ctx) {
    if (ctx.config.strictLabels !== true) return;
    for (const { pair, label, type } of schemaLabels(ctx))
      if (type === undefined)
        ctx.report(
          pair.keyRange,
          text(
            `\`${label}\` is not in the label schema, and strict labels allow no other label.`,
            `\`${label}\` 不在标签模式中，而严格标签不允许其他标签。`,
          ),
        );
  },
};

export const labelEmpty: Rule = {
  id: 'label-empty',
  aliases: ['DL3051'],
  category: 'style',
  severity: 'warning',
  docs: {
    en: {
      title: 'A label of the label schema is empty',
      explanation:
        'With `label-schema` in `.hadolint.yaml` (or `berth-lint --require-label`), a label the schema names must have a value, whatever its type: an empty one tells the reader of the image nothing. A value that is only a build variable which is empty at build time is not caught here: the value is checked as written. Without a schema the rule is silent.',
    },
    'zh-cn': {
      title: '标签模式中的标签值为空',
      explanation:
        '在 `.hadolint.yaml` 中设置 `label-schema`（或使用 `berth-lint --require-label`）后，标签模式中列出的标签无论是什么类型都必须有值：空值对镜像的使用者毫无意义。只由构建变量组成、构建时为空的值在这里查不出来：检查的是写下的原文。没有标签模式时本规则不报告。',
    },
  },
  check(ctx) {
    if (ctx.config.labelSchema.size === 0) return;
    for (const { pair, label, value, type } of schemaLabels(ctx))
      if (type !== undefined && value === '')
        ctx.report(pair.range, text(`Label \`${label}\` is empty.`, `标签 \`${label}\` 的值为空。`));
  },
};
