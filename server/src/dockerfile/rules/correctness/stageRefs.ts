import type { Rule } from '../../lint/types';
import { text } from '../../lint/report';
import type { Stage } from '../../semantics';

/** Beyond this many, the message names the first ones only. */
const maxListed = 12;

function stageList(names: string[]): { en: string; zh: string } {
  if (names.length === 0) return { en: '', zh: '' };
  const shown = names.slice(0, maxListed).map((n) => `\`${n}\``);
  const more = names.length - shown.length;
  return {
    en: ` Stages: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}.`,
    zh: `已有阶段：${shown.join('、')}${more > 0 ? ` 等 ${names.length} 个` : ''}。`,
  };
}

export const duplicateStageName: Rule = {
  id: 'duplicate-stage-name',
  aliases: ['DL3024', 'DuplicateStageName'],
  category: 'correctness',
  severity: 'error',
  docs: {
    en: {
      title: 'Two stages with the same name',
      explanation: 'Stage names must be unique; BuildKit refuses the file.',
    },
    'zh-cn': { title: '两个阶段同名', explanation: '阶段名必须唯一；BuildKit 会拒绝这个文件。' },
  },
  check(ctx) {
    const seen = new Map<string, number>();
    for (const stage of ctx.stages) {
      if (!stage.name || !stage.nameRange) continue;
      const first = seen.get(stage.name);
      if (first === undefined) seen.set(stage.name, stage.from.range.start.line);
      else {
        ctx.report(
          stage.nameRange,
          text(
            `Stage \`${stage.name}\` is already defined on line ${first + 1}.`,
            `阶段 \`${stage.name}\` 已在第 ${first + 1} 行定义。`,
          ),
        );
      }
    }
  },
};

export const copyFromUnknownStage: Rule = {
  id: 'copy-from-unknown-stage',
  aliases: ['DL3022', 'DL3023'],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: '`COPY --from` names no earlier stage',
      explanation:
        '`--from` takes an earlier stage name or index, or an image. A name that matches no earlier stage is pulled as an image (`name:latest`), which is rarely what a typo meant; a stage can never copy from itself or from a later stage.',
    },
    'zh-cn': {
      title: '`COPY --from` 没有指向前面的阶段',
      explanation:
        '`--from` 接受前面阶段的名字或序号，或者一个镜像。与前面任何阶段都不匹配的名字会被当作镜像拉取（`name:latest`），这通常是拼写错误；阶段也不能从自身或后面的阶段复制。',
    },
  },
  check(ctx) {
    let listed: { en: string; zh: string } | undefined;
    for (const ref of ctx.semantics.stageReferences) {
      if (ref.kind !== 'copy' || !ref.flag || ref.text.includes('$')) continue;
      const { stage, text: name, flag } = ref;
      const lower = name.toLowerCase();
      if (/^\d+$/.test(name)) {
        if (Number(name) >= stage.index) {
          ctx.reportAs(
            'DL3022',
            flag.range,
            text(`Stage ${name} is not an earlier stage.`, `阶段 ${name} 不是前面的阶段。`),
          );
        }
        continue;
      }
      if (stage.name === lower) {
        ctx.reportAs('DL3023', flag.range, text(`A stage cannot copy from itself.`, `阶段不能从自身复制。`));
        continue;
      }
      const target = ref.target;
      if (target && target.index > stage.index) {
        ctx.reportAs(
          'DL3022',
          flag.range,
          text(
            `Stage \`${name}\` is defined later (line ${target.from.range.start.line + 1}); only earlier stages can be used.`,
            `阶段 \`${name}\` 在后面（第 ${target.from.range.start.line + 1} 行）才定义；只能使用前面的阶段。`,
          ),
        );
        continue;
      }
      if (target || /[/:.@]/.test(name)) continue;
      listed ??= stageList(stageNames(ctx.stages));
      ctx.reportAs(
        'DL3022',
        flag.range,
        text(
          `No stage is named \`${name}\`, so it will be pulled as the image \`${name}:latest\`.${listed.en}`,
          `没有名为 \`${name}\` 的阶段，它会被当作镜像 \`${name}:latest\` 拉取。${listed.zh}`,
        ),
      );
    }
  },
};

/** The stage names in order, each once. */
function stageNames(stages: readonly Stage[]): string[] {
  const names = new Set<string>();
  for (const s of stages) if (s.name) names.add(s.name);
  return [...names];
}
