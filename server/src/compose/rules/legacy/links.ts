// `links` is what containers used before user-defined networks resolved names.
import { text } from '../../../dockerfile/lint/report';
import type { ComposeRule } from '../context';

export const legacyLinks: ComposeRule = {
  id: 'legacy-links',
  aliases: [],
  category: 'legacy',
  severity: 'info',
  docs: {
    en: {
      title: '`links` is legacy',
      explanation:
        "Services on a shared network already reach each other by service name through the engine's DNS (the notes: `--link` is legacy; custom networks resolve names). Put the services on a shared network (every service joins `default` unless it lists others), and use `depends_on` for start order.",
    },
    'zh-cn': {
      title: '`links` 是旧做法',
      explanation:
        '在同一网络中的服务已经可以通过引擎的 DNS 用服务名互相访问（笔记中：`--link` 已过时；自定义网络可以解析名字）。让服务加入同一个网络（未列出其它网络的服务都会加入 `default`），启动顺序用 `depends_on` 表达。',
    },
  },
  check(ctx) {
    for (const s of ctx.file.services) {
      if (!s.linksKey || s.links.length === 0) continue;
      // Replacing is only safe when nothing else depends on the key: no aliases, no depends_on yet.
      const plain = s.dependsOn.length === 0 && s.links.every((l) => l.alias === undefined);
      ctx.report({
        range: s.linksKey,
        message: text(
          `\`links\` is legacy: \`${s.name}\` reaches ${s.links.map((l) => `\`${l.target.text}\``).join(', ')} by name on any network they share; use \`depends_on\` for start order.`,
          `\`links\` 是旧做法：\`${s.name}\` 与 ${s.links.map((l) => `\`${l.target.text}\``).join('、')} 只要在同一网络中就能用名字访问；启动顺序请用 \`depends_on\`。`,
        ),
        ...(plain
          ? {
              fix: {
                title: text('Replace `links` with `depends_on`', '把 `links` 换成 `depends_on`'),
                edits: [{ range: s.linksKey, newText: 'depends_on' }],
              },
            }
          : {}),
      });
    }
  },
};
