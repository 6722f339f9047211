import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

export const addInsecureUrl: Rule = {
  id: 'add-insecure-url',
  aliases: [],
  category: 'security',
  severity: 'warning',
  docs: {
    en: {
      title: '`ADD` from plain http',
      explanation:
        'Anyone on the path can replace a file fetched over `http://`. Use `https://` and `--checksum`.',
    },
    'zh-cn': {
      title: '`ADD` 使用明文 http',
      explanation: '通过 `http://` 获取的文件可以被路径上的任何人替换。请用 `https://` 并加上 `--checksum`。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('ADD')) {
      for (const a of ins.args.slice(0, -1)) {
        if (!/^http:\/\//i.test(a.value)) continue;
        ctx.report(a.range, text('This file is fetched over plain http.', '这个文件通过明文 http 获取。'));
      }
    }
  },
};
