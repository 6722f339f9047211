import type { Rule } from '../../lint/types';
import { text } from '../../lint/types';
import { copyParts, edit, fix, flag } from '../../lint/util';

const archive = /\.(?:tar|tgz|tbz2?|txz|tar\.(?:gz|bz2|xz|zst|lz|lzma)|gz|bz2|xz)$/i;

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

export const addInsteadOfCopy: Rule = {
  id: 'add-instead-of-copy',
  aliases: ['DL3020'],
  category: 'style',
  severity: 'info',
  docs: {
    en: {
      title: 'ADD used for plain local files',
      explanation:
        'ADD also unpacks local archives and fetches URLs, which surprises readers. For plain files and folders COPY says exactly what happens.',
    },
    'zh-cn': {
      title: '用 ADD 复制普通的本地文件',
      explanation: 'ADD 还会解压本地归档、下载 URL，容易让人意外。复制普通文件和目录时，COPY 的含义更明确。',
    },
  },
  check(ctx) {
    for (const [ins] of ctx.ofKind('ADD')) {
      if (ins.heredocs.length > 0) continue;
      const { sources } = copyParts(ins);
      if (
        sources.length === 0 ||
        sources.some((s) => /^[a-z]+:\/\//i.test(s) || s.startsWith('git@') || archive.test(s))
      ) {
        continue;
      }
      if (sources.some((s) => /[$*?]/.test(s))) continue;
      ctx.report(
        ins.keywordRange,
        text(
          'Use COPY for local files; ADD also unpacks archives and fetches URLs.',
          '复制本地文件请用 COPY；ADD 还会解压归档、下载 URL。',
        ),
        fix(text('Replace ADD with COPY', '把 ADD 换成 COPY'), edit(ins.keywordRange, 'COPY')),
      );
    }
  },
};
