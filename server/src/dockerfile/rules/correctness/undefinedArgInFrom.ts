import type { Range } from '../../parser';
import { predefinedArgs } from '../../lint/buildArgs';
import { text } from '../../lint/report';
import type { Rule } from '../../lint/types';
import { distance, edit, fix } from '../../lint/util';
import { varRefs } from '../../semantics/varRefs';

/** The closest declared name within two typos (BuildKit's suggest.Search), if any. */
function closest(name: string, declared: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of declared) {
    const d = distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

export const undefinedArgInFrom: Rule = {
  id: 'undefined-arg-in-from',
  aliases: ['UndefinedArgInFrom'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'FROM uses a build argument no ARG declares',
      explanation:
        'A FROM line (its image and its `--platform`) can only use the ARGs declared before the first FROM and the ones BuildKit predefines (`TARGETPLATFORM`, `BUILDARCH`…). Any other name expands to an empty string, even with a `${NAME:-default}`: it is usually a typo. Declare it with `ARG NAME=default` above the first FROM, or fix the spelling.',
    },
    'zh-cn': {
      title: 'FROM 使用了没有 ARG 声明的构建参数',
      explanation:
        'FROM 行（镜像和 `--platform`）只能使用第一条 FROM 之前声明的 ARG 和 BuildKit 预定义的参数（`TARGETPLATFORM`、`BUILDARCH` 等）。其他名字都会展开为空字符串，即使写了 `${NAME:-default}`：这通常是拼写错误。请在第一条 FROM 之上用 `ARG NAME=default` 声明，或修正拼写。',
    },
  },
  check(ctx) {
    const declared = new Set(predefinedArgs.keys());
    for (const ins of ctx.globalArgs) for (const p of ins.pairs) declared.add(p.key);
    const check = (value: string, at: Range): void => {
      for (const ref of varRefs(value)) {
        if (declared.has(ref.name)) continue;
        const hint = closest(ref.name, declared);
        const nameStart = ref.start + (value[ref.start + 1] === '{' ? 2 : 1);
        ctx.report(
          within(at, ref.start, ref.end),
          hint
            ? text(
                `\`${ref.name}\` is not declared by an ARG before the first FROM; did you mean \`${hint}\`?`,
                `\`${ref.name}\` 没有在第一条 FROM 之前用 ARG 声明；是不是 \`${hint}\`？`,
              )
            : text(
                `\`${ref.name}\` is not declared by an ARG before the first FROM, so it expands to an empty string here. Declare it there (\`ARG ${ref.name}=…\`).`,
                `\`${ref.name}\` 没有在第一条 FROM 之前用 ARG 声明，这里会展开为空字符串。请在那里声明（\`ARG ${ref.name}=…\`）。`,
              ),
          hint && at.start.line === at.end.line
            ? fix(
                text(`Change to ${hint}`, `改为 ${hint}`),
                edit(within(at, nameStart, nameStart + ref.name.length), hint),
              )
            : undefined,
        );
      }
    };
    for (const stage of ctx.stages) {
      const platform = stage.from.flags.find((f) => f.name === 'platform');
      // A flag's value is its last characters.
      if (platform?.value?.includes('$')) check(platform.value, tail(platform.range, platform.value.length));
      const image = stage.from.args[0];
      if (image?.value.includes('$')) check(image.value, image.range);
    }
  },
};

/** The part of a one-line range from `s` to `e` characters in; the whole range when it spans lines. */
function within(range: Range, s: number, e: number): Range {
  if (range.start.line !== range.end.line) return range;
  const { line, character } = range.start;
  return { start: { line, character: character + s }, end: { line, character: character + e } };
}

function tail(range: Range, length: number): Range {
  if (range.start.line !== range.end.line) return range;
  return { start: { line: range.end.line, character: range.end.character - length }, end: range.end };
}
