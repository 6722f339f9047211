import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';

const nameChar = /[A-Za-z0-9_]/;

/** `value` refers to `name` as `${name}`, or as `$name` not followed by more of a name. */
function refersTo(value: string, name: string): boolean {
  if (value.includes('${' + name + '}')) return true;
  const bare = '$' + name;
  for (let at = value.indexOf(bare); at >= 0; at = value.indexOf(bare, at + 1))
    if (!nameChar.test(value[at + bare.length] ?? '')) return true;
  return false;
}

export const envSelfReference: Rule = {
  id: 'env-refers-to-same-env',
  aliases: ['DL3044'],
  category: 'correctness',
  severity: 'error',
  docs: {
    en: {
      title: 'ENV refers to a variable it defines itself',
      explanation:
        'Every value in one ENV is expanded with the variables as they were before that ENV: in `ENV DIR=/app LOG=$DIR/log`, `LOG` gets the old `DIR` (empty when there was none), not `/app`. Define the variable in an ENV of its own first. A variable that refers to its own old value (`ENV PATH=/opt/bin:$PATH`) is fine.',
    },
    'zh-cn': {
      title: 'ENV 引用了它自己定义的变量',
      explanation:
        '同一条 ENV 里的每个值，都按这条 ENV 之前的变量来展开：`ENV DIR=/app LOG=$DIR/log` 中，`LOG` 拿到的是旧的 `DIR`（之前没有就是空），而不是 `/app`。请先在单独的一条 ENV 里定义这个变量。变量引用自己的旧值（`ENV PATH=/opt/bin:$PATH`）没有问题。',
    },
  },
  check(ctx) {
    const defined = new Set<string>();
    for (const arg of ctx.globalArgs) for (const p of arg.pairs) defined.add(p.key);
    for (const [ins] of ctx.ofKind('ARG', 'ENV')) {
      const pairs = ins.pairs;
      if (ins.name === 'ENV' && pairs.length > 1) {
        for (let i = 0; i < pairs.length; i++) {
          const name = pairs[i].key;
          if (defined.has(name)) continue;
          const user = pairs.find((p, j) => j !== i && p.value !== undefined && refersTo(p.value, name));
          if (!user) continue;
          ctx.report(
            user.range,
            text(
              `\`${user.key}\` uses \`${name}\`, which this same ENV defines: it gets the value from before this ENV. Set \`${name}\` in an ENV of its own first.`,
              `\`${user.key}\` 用到了这条 ENV 自己定义的 \`${name}\`：拿到的是这条 ENV 之前的值。请先在单独的一条 ENV 里设置 \`${name}\`。`,
            ),
          );
          break;
        }
      }
      for (const p of pairs) defined.add(p.key);
    }
  },
};
