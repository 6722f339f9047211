import type { Rule } from '../../lint/types';
import { copyParts, edit, fix } from '../../lint/util';
import { text } from '../../lint/report';

const archive = /\.(?:tar|tgz|tbz2?|txz|tar\.(?:gz|bz2|xz|zst|lz|lzma)|gz|bz2|xz)$/i;

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
