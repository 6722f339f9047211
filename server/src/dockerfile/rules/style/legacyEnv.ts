import type { Rule } from '../../lint/types';
import { edit, fix } from '../../lint/util';
import { text } from '../../lint/report';

export const legacyKeyValue: Rule = {
  id: 'legacy-key-value',
  aliases: ['LegacyKeyValueFormat'],
  category: 'style',
  severity: 'hint',
  docs: {
    en: {
      title: 'Legacy `ENV key value` form',
      explanation:
        '`ENV key value` sets one variable to the whole rest of the line, spaces included, and cannot set several at once. `ENV key=value` is the documented form; BuildKit warns about the legacy one.',
    },
    'zh-cn': {
      title: '旧式的 `ENV key value` 写法',
      explanation:
        '`ENV key value` 把整行剩下的内容（包括空格）赋给一个变量，也不能一次设置多个。文档推荐 `ENV key=value`；BuildKit 会对旧写法给出警告。',
    },
  },
  check(ctx) {
    for (const ins of ctx.file.instructions) {
      const target = ins.sub ?? ins;
      if (target.name !== 'ENV' && target.name !== 'LABEL') continue;
      const pair = target.pairs[0];
      if (!pair?.legacy || pair.value === undefined) continue;
      const value = pair.value;
      const safe = !/["'\\`]/.test(value) && pair.range.start.line === pair.range.end.line;
      const rewritten = /\s/.test(value) ? `${pair.key}="${value}"` : `${pair.key}=${value}`;
      ctx.report(
        pair.keyRange,
        text(
          `Use \`${target.name} ${rewritten}\` instead of the legacy form.`,
          `请用 \`${target.name} ${rewritten}\` 代替旧写法。`,
        ),
        safe
          ? fix(
              text(`Change to ${target.name} key=value`, `改为 ${target.name} key=value`),
              edit(pair.range, rewritten),
            )
          : undefined,
      );
    }
  },
};
