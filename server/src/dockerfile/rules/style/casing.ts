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
      title: 'Instruction casing differs from the rest of the file',
      explanation:
        'Docker accepts `From` or `run`, but one file should use one casing: as BuildKit does, an instruction is reported when it is not written in the case most instructions of the file use (upper case on a tie), and mixed case like `From` always. Upper case is the convention most readers and tools expect. The ARGs before the first FROM and the instruction inside an ONBUILD are not counted, as in BuildKit.',
    },
    'zh-cn': {
      title: '指令的大小写与文件其余部分不一致',
      explanation:
        'Docker 也接受 `From`、`run`，但一个文件应只用一种大小写：与 BuildKit 一样，指令的写法不是文件中多数指令所用的大小写时（数量相同时以大写为准）会被报告，`From` 这样的大小写混写总会被报告。大写是多数读者和工具预期的约定。与 BuildKit 一样，第一条 FROM 之前的 ARG 和 ONBUILD 里的指令不计入。',
    },
  },
  check(ctx) {
    const globals = new Set(ctx.globalArgs);
    const considered = ctx.file.instructions.filter((i) => !globals.has(i) && knownInstructions.has(i.name));
    let lower = 0;
    let upper = 0;
    for (const { keyword } of considered) {
      if (keyword === keyword.toLowerCase()) lower++;
      else if (keyword === keyword.toUpperCase()) upper++;
    }
    const toLower = lower > upper;
    for (const ins of considered) {
      const want = toLower ? ins.keyword.toLowerCase() : ins.keyword.toUpperCase();
      if (ins.keyword === want) continue;
      ctx.report(
        ins.keywordRange,
        toLower
          ? text(
              `Write \`${want}\` in lower case, as most instructions in this file are.`,
              `请把 \`${ins.keyword}\` 写成小写的 \`${want}\`，与文件中多数指令一致。`,
            )
          : text(
              `Write \`${want}\` in upper case, as most instructions in this file are.`,
              `请把 \`${ins.keyword}\` 写成大写的 \`${want}\`，与文件中多数指令一致。`,
            ),
        fix(text(`Change to ${want}`, `改为 ${want}`), edit(ins.keywordRange, want)),
      );
    }
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
