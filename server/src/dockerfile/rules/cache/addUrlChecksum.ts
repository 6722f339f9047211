import type { Rule } from '../../lint/types';
import { copyParts, flag } from '../../lint/util';
import { text } from '../../lint/report';

export const addUrlChecksum: Rule = {
  id: 'add-url-without-checksum',
  aliases: [],
  category: 'cache',
  severity: 'warning',
  docs: {
    en: {
      title: '`ADD <url>` without `--checksum`',
      explanation:
        'The file behind a URL can change while the instruction text does not; the build then silently ships whatever the server returns. Pin it with `ADD --checksum=sha256:… <url>` (BuildKit), or download and verify in a RUN.',
    },
    'zh-cn': {
      title: '`ADD <url>` 没有 `--checksum`',
      explanation:
        'URL 背后的文件可能变化而指令文本不变，构建就会悄悄打包服务器返回的任何内容。请用 `ADD --checksum=sha256:… <url>`（BuildKit）固定它，或在 RUN 里下载并校验。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('ADD')) {
      if (flag(ins, 'checksum') !== undefined) continue;
      const { sources } = copyParts(ins);
      const url = ins.args.find((a, i) => i < sources.length && /^https?:\/\//.test(a.value));
      if (!url || /\.git(#.*)?$/.test(url.value)) continue;
      ctx.report(
        url.range,
        text(
          'The download is not pinned: add `--checksum=sha256:…` so a changed file fails the build.',
          '下载内容没有固定：加上 `--checksum=sha256:…`，文件变化时构建会失败。',
        ),
      );
    }
  },
};
