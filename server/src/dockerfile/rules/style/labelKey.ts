import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';
import { unquote } from '../../lint/util';

const reserved = ['com.docker.', 'io.docker.', 'org.dockerproject.'];

/** Docker's advice for label keys, as hadolint checks it. */
function badKey(key: string): boolean {
  return (
    !/^[a-z]/.test(key) ||
    !/[a-z0-9]$/.test(key) ||
    /[^0-9a-z._/-]/.test(key) ||
    reserved.some((r) => key.startsWith(r)) ||
    key.includes('..') ||
    key.includes('--')
  );
}

export const labelKey: Rule = {
  id: 'label-key-format',
  aliases: ['DL3048'],
  category: 'style',
  severity: 'hint',
  docs: {
    en: {
      title: "Label key that does not follow Docker's format",
      explanation:
        'Docker asks label keys to start with a lower-case letter, end with a letter or digit, hold only lower-case letters, digits, `.`, `-`, `_` and `/`, with no `..` or `--`, and to leave the `com.docker.`, `io.docker.` and `org.dockerproject.` namespaces to Docker. Tools that read labels (OCI annotations, registries) expect such keys: prefer the reverse-DNS form, e.g. `org.opencontainers.image.source`.',
    },
    'zh-cn': {
      title: '标签键不符合 Docker 的格式',
      explanation:
        'Docker 要求标签键以小写字母开头、以字母或数字结尾，只包含小写字母、数字、`.`、`-`、`_` 和 `/`，不出现 `..` 或 `--`，并把 `com.docker.`、`io.docker.` 和 `org.dockerproject.` 这几个命名空间留给 Docker 自己。读取标签的工具（OCI 注解、镜像仓库）都按这种键来处理：请使用反向域名形式，例如 `org.opencontainers.image.source`。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('LABEL')) {
      const bad = ins.pairs.find((p) => badKey(unquote(p.key)));
      if (!bad) continue;
      ctx.report(
        bad.keyRange,
        text(
          `\`${unquote(bad.key)}\` is no valid label key: use lower-case letters, digits, \`.\`, \`-\` and \`_\`, in reverse-DNS form.`,
          `\`${unquote(bad.key)}\` 不是有效的标签键：请用小写字母、数字、\`.\`、\`-\` 和 \`_\`，写成反向域名形式。`,
        ),
      );
    }
  },
};
