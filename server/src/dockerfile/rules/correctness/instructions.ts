import { knownInstructions } from '../../parser';
import type { Instruction } from '../../parser';
import type { Rule } from '../../lint/types';
import { distance } from '../../lint/util';
import { text } from '../../lint/report';

export const unknownInstruction: Rule = {
  id: 'unknown-instruction',
  aliases: [],
  category: 'correctness',
  severity: 'error',
  docs: {
    en: {
      title: 'Unknown instruction',
      explanation: 'Docker refuses to build a Dockerfile with an instruction it does not know.',
    },
    'zh-cn': { title: '未知指令', explanation: 'Dockerfile 里有 Docker 不认识的指令时，构建会失败。' },
  },
  check(ctx) {
    const visit = (ins: Instruction): void => {
      if (ins.sub) visit(ins.sub);
      if (knownInstructions.has(ins.name) || ins.name === '') return;
      const best =
        ins.name.length > 20
          ? undefined
          : [...knownInstructions]
              .map((k) => [k, distance(k, ins.name)] as const)
              .sort((a, b) => a[1] - b[1])[0];
      const hint = best && best[1] <= 2 ? best[0] : undefined;
      ctx.report(
        ins.keywordRange,
        hint
          ? text(
              `Unknown instruction \`${ins.keyword}\`; did you mean \`${hint}\`?`,
              `未知指令 \`${ins.keyword}\`；是不是 \`${hint}\`？`,
            )
          : text(`Unknown instruction \`${ins.keyword}\`.`, `未知指令 \`${ins.keyword}\`。`),
      );
    };
    const template = ctx.file.instructions.find((i) => i.keyword.startsWith('{{'));
    if (template) {
      ctx.report(
        template.keywordRange,
        text(
          'This file is a template (`{{ … }}`), not a Dockerfile: render it before building.',
          '这个文件是模板（`{{ … }}`），不是 Dockerfile：请先渲染再构建。',
        ),
      );
      return;
    }
    ctx.file.instructions.forEach(visit);
  },
};

const minimum: Record<string, number> = {
  FROM: 1,
  RUN: 1,
  COPY: 2,
  ADD: 2,
  EXPOSE: 1,
  VOLUME: 1,
  USER: 1,
  WORKDIR: 1,
  MAINTAINER: 1,
  STOPSIGNAL: 1,
  ENV: 1,
  LABEL: 1,
  ARG: 1,
  ONBUILD: 1,
  SHELL: 1,
  ENTRYPOINT: 0,
  CMD: 0,
};

export const missingArguments: Rule = {
  id: 'missing-arguments',
  aliases: [],
  category: 'correctness',
  severity: 'error',
  docs: {
    en: {
      title: 'Instruction without its required arguments',
      explanation: 'Docker refuses an instruction that lacks its arguments, e.g. `COPY` with only a source.',
    },
    'zh-cn': {
      title: '指令缺少必需的参数',
      explanation: '缺少参数的指令会被 Docker 拒绝，例如只有源路径的 `COPY`。',
    },
  },
  check(ctx) {
    const visit = (ins: Instruction): void => {
      if (ins.sub) visit(ins.sub);
      const need = minimum[ins.name];
      if (need === undefined || need === 0) return;
      const pairs = ins.name === 'ENV' || ins.name === 'LABEL' || ins.name === 'ARG';
      // Text after the keyword is at least one word: RUN's words need not be split to know that.
      if (need === 1 && !pairs && ins.json === undefined && ins.argsText !== '') return;
      const count = pairs ? ins.pairs.length : ins.args.length;
      const have = ins.json !== undefined ? ins.json.length : count;
      if (ins.heredocs.length > 0 ? have + ins.heredocs.length >= need : have >= need) return;
      ctx.report(
        ins.keywordRange,
        text(
          need === 1
            ? `${ins.name} requires an argument.`
            : `${ins.name} requires at least ${need} arguments.`,
          need === 1 ? `${ins.name} 需要一个参数。` : `${ins.name} 至少需要 ${need} 个参数。`,
        ),
      );
    };
    ctx.file.instructions.forEach(visit);
  },
};

export const onbuildForbidden: Rule = {
  id: 'onbuild-forbidden',
  aliases: ['DL3043'],
  category: 'correctness',
  severity: 'error',
  docs: {
    en: {
      title: 'ONBUILD with FROM, MAINTAINER or ONBUILD',
      explanation: 'These instructions cannot be deferred with ONBUILD; Docker rejects them.',
    },
    'zh-cn': {
      title: 'ONBUILD 后面跟 FROM、MAINTAINER 或 ONBUILD',
      explanation: '这些指令不能用 ONBUILD 延迟执行，Docker 会拒绝。',
    },
  },
  check(ctx) {
    for (const ins of ctx.file.instructions) {
      if (!ins.sub || !['FROM', 'MAINTAINER', 'ONBUILD'].includes(ins.sub.name)) continue;
      ctx.report(
        ins.sub.keywordRange,
        text(`ONBUILD cannot trigger ${ins.sub.name}.`, `ONBUILD 不能触发 ${ins.sub.name}。`),
      );
    }
  },
};
