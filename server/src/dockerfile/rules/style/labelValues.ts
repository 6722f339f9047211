// One rule per value type of hadolint's label schema (DL3052-DL3056, DL3058): a label the schema
// types must hold a value of that type. The checks accept what hadolint's accept (lint/labelFormats).
import type { RuleDoc } from '../../../../../common/rules';
import type { LabelType } from '../../lint/config';
import { hasLabelType } from '../../lint/labelFormats';
import { text, type Localized } from '../../lint/report';
import type { Rule } from '../../lint/types';
import { schemaLabels } from './labelSchema';

const when = {
  en: (type: LabelType) =>
    ` Only labels typed \`${type}\` in \`label-schema\` (\`.hadolint.yaml\`, or \`berth-lint --require-label name:${type}\`) are checked; without them the rule is silent. As in hadolint, a value is checked as written, build variables included: type a label filled from \`\${VERSION}\` \`text\`. Each label is reported on its own, where hadolint reports a \`LABEL\` line once.`,
  zh: (type: LabelType) =>
    `只检查在 \`label-schema\`（\`.hadolint.yaml\`，或 \`berth-lint --require-label 名称:${type}\`）中类型为 \`${type}\` 的标签；没有这类标签时本规则不报告。与 hadolint 一样，检查的是写下的原文，构建变量也照原样检查：由 \`\${VERSION}\` 填充的标签请把类型设为 \`text\`。每个标签单独报告，而 hadolint 对一行 \`LABEL\` 只报告一次。`,
};

function typedLabelRule(spec: {
  id: string;
  alias: string;
  type: LabelType;
  en: RuleDoc;
  zh: RuleDoc;
  message: (label: string) => Localized;
}): Rule {
  return {
    id: spec.id,
    aliases: [spec.alias],
    category: 'style',
    severity: 'warning',
    docs: {
      en: { title: spec.en.title, explanation: spec.en.explanation + when.en(spec.type) },
      'zh-cn': { title: spec.zh.title, explanation: spec.zh.explanation + when.zh(spec.type) },
    },
    check(ctx) {
      if (ctx.config.labelSchema.size === 0) return;
      for (const { pair, label, value, type } of schemaLabels(ctx))
        if (type === spec.type && !hasLabelType(value, type)) ctx.report(pair.range, spec.message(label));
    },
  };
}

export const labelInvalidUrl = typedLabelRule({
  id: 'label-invalid-url',
  alias: 'DL3052',
  type: 'url',
  en: {
    title: 'Label of type `url` that is no URL',
    explanation:
      'The value must be an absolute URI as RFC 3986 defines it: a scheme, `:` and the rest (`https://example.com/app`, `mailto:team@example.com`), only characters a URI may hold, and `%` followed by two hex digits.',
  },
  zh: {
    title: '类型为 `url` 的标签不是 URL',
    explanation:
      '值必须是 RFC 3986 定义的绝对 URI：协议名、`:` 和其余部分（`https://example.com/app`、`mailto:team@example.com`），只含 URI 允许的字符，`%` 后面要跟两位十六进制数字。',
  },
  message: (label) =>
    text(
      `Label \`${label}\` is not a valid URL: give an absolute URI such as \`https://example.com/app\`.`,
      `标签 \`${label}\` 不是有效的 URL：请写绝对 URI，例如 \`https://example.com/app\`。`,
    ),
});

export const labelInvalidTime = typedLabelRule({
  id: 'label-invalid-time',
  alias: 'DL3053',
  type: 'rfc3339',
  en: {
    title: 'Label of type `rfc3339` that is no RFC 3339 date-time',
    explanation:
      'The value must be an RFC 3339 date and time with an offset: `2024-05-01T12:00:00Z` or `2024-05-01T14:00:00.5+02:00`, a day the calendar has, hours to 23, minutes to 59 and seconds to 60. A date alone, or a time without `Z` or an offset, is not enough.',
  },
  zh: {
    title: '类型为 `rfc3339` 的标签不是 RFC 3339 日期时间',
    explanation:
      '值必须是带时区偏移的 RFC 3339 日期时间：`2024-05-01T12:00:00Z` 或 `2024-05-01T14:00:00.5+02:00`；日期必须真实存在，小时不超过 23，分钟不超过 59，秒不超过 60。只有日期，或者时间后面没有 `Z` 或偏移量，都不行。',
  },
  message: (label) =>
    text(
      `Label \`${label}\` is not an RFC 3339 date-time, such as \`2024-05-01T12:00:00Z\`.`,
      `标签 \`${label}\` 不是 RFC 3339 日期时间，例如 \`2024-05-01T12:00:00Z\`。`,
    ),
});

export const labelInvalidSpdx = typedLabelRule({
  id: 'label-invalid-spdx',
  alias: 'DL3054',
  type: 'spdx',
  en: {
    title: 'Label of type `spdx` that is no SPDX license identifier',
    explanation:
      'The value must be one identifier of the SPDX license list, spelt as the list spells it: `MIT`, `Apache-2.0`, `GPL-3.0-only` (case matters; deprecated identifiers such as `GPL-2.0` pass). hadolint reads one identifier, not an expression: `MIT OR Apache-2.0`, `GPL-2.0+` and `LicenseRef-…` do not pass.',
  },
  zh: {
    title: '类型为 `spdx` 的标签不是 SPDX 许可证标识符',
    explanation:
      '值必须是 SPDX 许可证列表中的一个标识符，拼写与列表完全一致：`MIT`、`Apache-2.0`、`GPL-3.0-only`（区分大小写；`GPL-2.0` 这类已弃用的标识符也可以）。hadolint 只读取单个标识符，不读表达式：`MIT OR Apache-2.0`、`GPL-2.0+` 和 `LicenseRef-…` 都不行。',
  },
  message: (label) =>
    text(
      `Label \`${label}\` is not an SPDX license identifier, such as \`MIT\` or \`Apache-2.0\`.`,
      `标签 \`${label}\` 不是 SPDX 许可证标识符，例如 \`MIT\` 或 \`Apache-2.0\`。`,
    ),
});

export const labelInvalidGitHash = typedLabelRule({
  id: 'label-invalid-git-hash',
  alias: 'DL3055',
  type: 'hash',
  en: {
    title: 'Label of type `hash` that is no git commit hash',
    explanation:
      'The value must be a git commit hash, short or full: exactly 7 or 40 lower-case hex digits, as `git rev-parse --short HEAD` and `git rev-parse HEAD` print them.',
  },
  zh: {
    title: '类型为 `hash` 的标签不是 git 提交哈希',
    explanation:
      '值必须是 git 提交哈希，短的或完整的都行：恰好 7 位或 40 位小写十六进制数字，也就是 `git rev-parse --short HEAD` 和 `git rev-parse HEAD` 输出的样子。',
  },
  message: (label) =>
    text(
      `Label \`${label}\` is not a git commit hash: give 7 or 40 lower-case hex digits.`,
      `标签 \`${label}\` 不是 git 提交哈希：应为 7 位或 40 位小写十六进制数字。`,
    ),
});

export const labelInvalidSemver = typedLabelRule({
  id: 'label-invalid-semver',
  alias: 'DL3056',
  type: 'semver',
  en: {
    title: 'Label of type `semver` that is no semantic version',
    explanation:
      'The value must be a semantic version: `MAJOR.MINOR.PATCH`, optionally followed by `-pre.release` and `+build` identifiers of letters, digits and `-` (`1.4.2`, `2.0.0-rc.1+build.5`). No leading `v`, and no version with fewer than three numbers.',
  },
  zh: {
    title: '类型为 `semver` 的标签不是语义化版本号',
    explanation:
      '值必须是语义化版本号：`主版本.次版本.修订号`，后面可以跟由字母、数字和 `-` 组成的 `-预发布` 和 `+构建` 标识（`1.4.2`、`2.0.0-rc.1+build.5`）。前面不能加 `v`，也不能少于三个数字。',
  },
  message: (label) =>
    text(
      `Label \`${label}\` is not a semantic version, such as \`1.4.2\` or \`2.0.0-rc.1\`.`,
      `标签 \`${label}\` 不是语义化版本号，例如 \`1.4.2\` 或 \`2.0.0-rc.1\`。`,
    ),
});

export const labelInvalidEmail = typedLabelRule({
  id: 'label-invalid-email',
  alias: 'DL3058',
  type: 'email',
  en: {
    title: 'Label of type `email` that is no email address',
    explanation:
      'The value must be one email address as RFC 5322 writes it (`team@example.com`, `"build bot"@[192.0.2.1]`): a local part of dot-separated words or a quoted string, `@`, and a host name or a domain literal. A name in front (`Team <team@example.com>`) or a list of addresses does not pass.',
  },
  zh: {
    title: '类型为 `email` 的标签不是电子邮件地址',
    explanation:
      '值必须是 RFC 5322 格式的单个电子邮件地址（`team@example.com`、`"build bot"@[192.0.2.1]`）：由点分隔的单词或带引号的字符串组成的本地部分、`@`，以及主机名或方括号中的域字面量。前面带名字（`Team <team@example.com>`）或者写多个地址都不行。',
  },
  message: (label) =>
    text(
      `Label \`${label}\` is not a valid email address, such as \`team@example.com\`.`,
      `标签 \`${label}\` 不是有效的电子邮件地址，例如 \`team@example.com\`。`,
    ),
});
