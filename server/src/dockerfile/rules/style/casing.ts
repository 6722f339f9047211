import { knownInstructions } from '../../parser';
import type { Rule } from '../../lint/types';
import { edit, fix } from '../../lint/util';
import { text } from '../../lint/report';

export const instructionCasing: Rule = {
  id: 'instruction-casing',
  aliases: ['ConsistentInstructionCasing'],
  category: 'style',
  severity: 'warning',
  docs: {
    en: {
      title: 'Instruction not written in upper case',
      explanation:
        'Docker accepts `From` or `run`, but upper case is the convention every reader, tool and highlighter expects, and it separates instructions from their arguments.',
    },
    'zh-cn': {
      title: '指令没有用大写',
      explanation:
        'Docker 也接受 `From`、`run`，但大写是所有读者、工具和高亮都预期的约定，也能把指令和参数区分开。',
    },
  },
  check(ctx) {
    const check = (ins: (typeof ctx.file.instructions)[number]): void => {
      if (knownInstructions.has(ins.name) && ins.keyword !== ins.name) {
        ctx.report(
          ins.keywordRange,
          text(
            `Write \`${ins.name}\` in upper case.`,
            `请把 \`${ins.keyword}\` 写成大写的 \`${ins.name}\`。`,
          ),
          fix(text(`Change to ${ins.name}`, `改为 ${ins.name}`), edit(ins.keywordRange, ins.name)),
        );
      }
      if (ins.sub) check(ins.sub);
    };
    ctx.file.instructions.forEach(check);
  },
};

export const fromAsCasing: Rule = {
  id: 'from-as-casing',
  aliases: ['FromAsCasing'],
  category: 'style',
  severity: 'warning',
  docs: {
    en: {
      title: "`AS` doesn't match the case of `FROM`",
      explanation: 'Write `FROM image AS name`, both in the same case.',
    },
    'zh-cn': {
      title: '`AS` 与 `FROM` 的大小写不一致',
      explanation: '请写成 `FROM image AS name`，两者大小写一致。',
    },
  },
  check(ctx) {
    for (const stage of ctx.stages) {
      const as = stage.from.args[1];
      if (!as || as.value.toLowerCase() !== 'as') continue;
      const upper = stage.from.keyword === stage.from.keyword.toUpperCase();
      const want = upper ? 'AS' : 'as';
      if (as.value === want) continue;
      ctx.report(
        as.range,
        text(
          `Write \`${want}\` to match \`${stage.from.keyword}\`.`,
          `请写成 \`${want}\`，与 \`${stage.from.keyword}\` 一致。`,
        ),
        fix(text(`Change to ${want}`, `改为 ${want}`), edit(as.range, want)),
      );
    }
  },
};

export const stageNameCasing: Rule = {
  id: 'stage-name-casing',
  aliases: ['StageNameCasing'],
  category: 'style',
  severity: 'warning',
  docs: {
    en: {
      title: 'Stage name not in lower case',
      explanation:
        'Stage names are matched case-insensitively; writing them in lower case avoids `--from=Builder` vs `builder` confusion.',
    },
    'zh-cn': {
      title: '阶段名不是小写',
      explanation: '阶段名匹配不区分大小写；统一写小写可避免 `--from=Builder` 与 `builder` 的混淆。',
    },
  },
  check(ctx) {
    for (const stage of ctx.stages) {
      const word = stage.from.args[2];
      if (!stage.nameRange || !word || word.value === word.value.toLowerCase()) continue;
      ctx.report(
        stage.nameRange,
        text(
          `Write the stage name in lower case: \`${word.value.toLowerCase()}\`.`,
          `阶段名请用小写：\`${word.value.toLowerCase()}\`。`,
        ),
      );
    }
  },
};
