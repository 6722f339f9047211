import { singleQuoteFix } from '../../lint/singleQuoteFix';
import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

export const volumeInvalidJson: Rule = {
  id: 'volume-invalid-json',
  aliases: [],
  category: 'volume',
  severity: 'error',
  docs: {
    en: {
      title: 'VOLUME looks like JSON but is not a valid JSON array',
      explanation:
        "When the text after VOLUME is not a valid JSON array of double-quoted strings, Docker splits it on spaces instead: `VOLUME ['/data']` declares a volume literally named `['/data']`. Use double quotes: `VOLUME [\"/data\"]`, or the plain form `VOLUME /data`.",
    },
    'zh-cn': {
      title: 'VOLUME 看起来是 JSON，却不是合法的 JSON 数组',
      explanation:
        "VOLUME 后面如果不是由双引号字符串组成的合法 JSON 数组，Docker 会按空格拆分：`VOLUME ['/data']` 声明的卷路径就是字面上的 `['/data']`。请用双引号 `VOLUME [\"/data\"]`，或普通形式 `VOLUME /data`。",
    },
  },
  check(ctx) {
    for (const ins of ctx.file.instructions) {
      if (ins.name !== 'VOLUME' || ins.jsonError === undefined) continue;
      const quotes = ins.argsText.includes("'");
      ctx.report(
        ins.argsRange,
        quotes
          ? text(
              'JSON needs double quotes: this VOLUME declares the literal path `' + ins.args[0]?.value + '`.',
              'JSON 必须用双引号：这条 VOLUME 声明的路径就是字面上的 `' + ins.args[0]?.value + '`。',
            )
          : text(
              `Not a valid JSON array (${ins.jsonError}); Docker will split this text on spaces.`,
              `不是合法的 JSON 数组（${ins.jsonError}）；Docker 会按空格拆分这段文本。`,
            ),
        singleQuoteFix(ins),
      );
    }
  },
};
