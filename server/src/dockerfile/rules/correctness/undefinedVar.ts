import type { Instruction } from '../../parser';
import type { Stage, VariableScope } from '../../semantics';
import type { Rule } from '../../lint/types';
import { distance } from '../../lint/util';
import { varRefs } from '../../semantics/varRefs';
import { text } from '../../lint/report';

const expanding = new Set([
  'ADD',
  'COPY',
  'ENV',
  'EXPOSE',
  'LABEL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
  'ARG',
]);

function close(a: string, b: string): boolean {
  if (a.toLowerCase() === b.toLowerCase()) return true;
  if (a.length < 4) return false;
  return distance(a, b) <= (a.length >= 6 ? 2 : 1);
}

/** Beyond this many names in scope a "did you mean" costs more than it is worth. */
const maxHintCandidates = 500;

/** Docker gives every build a default PATH, even FROM scratch: it is always known. */
function isKnown(scope: VariableScope, name: string): boolean {
  return name === 'PATH' || scope.has(name);
}

function suggestion(scope: VariableScope, name: string): string | undefined {
  if (scope.size + (scope.has('PATH') ? 0 : 1) > maxHintCandidates) return undefined;
  if (close('PATH', name)) return 'PATH';
  for (const k of scope.names()) if (k !== 'PATH' && close(k, name)) return k;
  return undefined;
}

export const undefinedVar: Rule = {
  id: 'undefined-variable',
  aliases: ['UndefinedVar'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'Variable used but never defined',
      explanation:
        "An undefined `$NAME` expands to an empty string without any error. Declare it with ARG or ENV before use, give it a default (`${NAME:-value}`), or fix the spelling. BuildKit (UndefinedVar) knows the base image's environment; Berth cannot see it, so it reports only clear cases: a name one or two typos from a declared one, any name in a stage built FROM scratch, and a name with lower-case letters (images set their environment in upper case). FROM lines are checked by undefined-arg-in-from.",
    },
    'zh-cn': {
      title: '使用了从未定义的变量',
      explanation:
        '未定义的 `$NAME` 会被静默展开为空字符串。请先用 ARG 或 ENV 声明，给出默认值（`${NAME:-value}`），或修正拼写。BuildKit（UndefinedVar）知道基础镜像的环境变量；Berth 看不到，因此只报告明确的情况：与已声明的名字只差一两个字符的名字、FROM scratch 的阶段里的任何名字，以及含小写字母的名字（镜像的环境变量都用大写）。FROM 行由 undefined-arg-in-from 检查。',
    },
  },
  check(ctx) {
    const report = (
      ins: Instruction,
      start: number,
      end: number,
      name: string,
      hint: string | undefined,
    ): void => {
      ctx.report(
        ins.locate(start, end),
        hint
          ? text(
              `\`${name}\` is not defined; did you mean \`${hint}\`?`,
              `\`${name}\` 没有定义；是不是 \`${hint}\`？`,
            )
          : text(
              `\`${name}\` is not defined here and expands to an empty string.`,
              `\`${name}\` 在这里没有定义，会被展开为空字符串。`,
            ),
      );
    };
    const scratch = new Map<Stage, boolean>();
    let fromScratch = false;
    ctx.semantics.walkScopes({
      stage(stage) {
        // FROM lines are undefined-arg-in-from's.
        fromScratch = stage.parent ? (scratch.get(stage.parent) ?? false) : stage.image === 'scratch';
        scratch.set(stage, fromScratch);
      },
      instruction(ins, _stage, scope) {
        if (!expanding.has(ins.name) || ins.heredocs.length > 0 || !ins.argsText.includes('$')) return;
        for (const ref of varRefs(ins.argsText)) {
          if (ref.guarded || isKnown(scope, ref.name)) continue;
          const hint = suggestion(scope, ref.name);
          // Images set their environment in upper case: a lower-case name is no base image's.
          if (hint || fromScratch || /[a-z]/.test(ref.name)) report(ins, ref.start, ref.end, ref.name, hint);
        }
      },
    });
  },
};
