import type { Rule } from '../../lint/types';
import { edit, fix } from '../../lint/util';
import { text } from '../../lint/report';

export const maintainerDeprecated: Rule = {
  id: 'maintainer-deprecated',
  aliases: ['DL4000', 'MaintainerDeprecated'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'MAINTAINER is deprecated',
      explanation:
        'Use a label, which tools can read: `LABEL org.opencontainers.image.authors="name <mail>"`.',
    },
    'zh-cn': {
      title: 'MAINTAINER 已弃用',
      explanation: '请改用工具能读取的标签：`LABEL org.opencontainers.image.authors="name <mail>"`。',
    },
  },
  check(ctx) {
    for (const ins of ctx.file.instructions) {
      if (ins.name !== 'MAINTAINER') continue;
      const value = ins.argsText
        .replace(/^"(.*)"$/, '$1')
        .replace(/\\/g, '\\\\')
        .replace(/"/g, '\\"');
      const single = ins.range.start.line === ins.range.end.line;
      ctx.report(
        ins.keywordRange,
        text(
          'MAINTAINER is deprecated: use `LABEL org.opencontainers.image.authors=…`.',
          'MAINTAINER 已弃用：请用 `LABEL org.opencontainers.image.authors=…`。',
        ),
        single
          ? fix(
              text(
                'Replace with LABEL org.opencontainers.image.authors',
                '改为 LABEL org.opencontainers.image.authors',
              ),
              edit(
                { start: ins.keywordRange.start, end: ins.argsRange.end },
                `LABEL org.opencontainers.image.authors="${value}"`,
              ),
            )
          : undefined,
      );
    }
  },
};
