import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';
import { varRefs } from '../../semantics/varRefs';

export const globalArgNotRedeclared: Rule = {
  id: 'global-arg-not-redeclared',
  aliases: [],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'Global ARG used inside a stage without `ARG NAME` there',
      explanation:
        'An ARG before the first FROM is only in scope for FROM lines. Inside a stage it is empty unless the stage says `ARG NAME` (no value needed; it inherits the global default).',
    },
    'zh-cn': {
      title: '在阶段内使用了全局 ARG，但没有在该阶段重新声明',
      explanation:
        '写在第一个 FROM 之前的 ARG 只对 FROM 行有效。在阶段内部它是空的，除非该阶段写上 `ARG 名字`（不用写值，会继承全局默认值）。',
    },
  },
  check(ctx) {
    const globals = ctx.semantics.declarations.globals;
    if (globals.size === 0) return;
    ctx.semantics.walkScopes({
      instruction(ins, _stage, declared) {
        if (ins.name === 'ARG' || ins.name === 'ONBUILD') return;
        for (const ref of varRefs(ins.argsText)) {
          if (globals.has(ref.name) && !declared.has(ref.name))
            report(ref.name, ins.locate(ref.start, ref.end));
        }
      },
    });
    function report(name: string, range: Parameters<typeof ctx.report>[0]): void {
      ctx.report(
        range,
        text(
          `\`${name}\` is a global ARG (declared before FROM) and is empty here: add \`ARG ${name}\` to this stage.`,
          `\`${name}\` 是全局 ARG（在 FROM 之前声明），在这里是空的：请在该阶段加上 \`ARG ${name}\`。`,
        ),
      );
    }
  },
};
