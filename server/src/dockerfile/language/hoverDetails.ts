// What hover adds beside instruction and rule docs: a flag's meaning, and a variable's
// declaration and the value it has there (by Docker's scoping, from the semantics module).
import type { Position } from 'vscode-languageserver/node';
import type { RuleLanguage } from '../../../../common/rules';
import type { Dockerfile, Instruction } from '../parser';
import { semanticsOf, type VariableDeclaration } from '../semantics';
import { contains } from './document';
import { flagTable } from './flagTable';

const texts = {
  declared: { en: 'declared on line {0}', 'zh-cn': '在第 {0} 行声明' },
  inherits: {
    en: 'takes the default of the global ARG on line {0}',
    'zh-cn': '使用第 {0} 行全局 ARG 的默认值',
  },
  value: { en: 'Value here: `{0}`', 'zh-cn': '此处的值：`{0}`' },
  unknown: {
    en: 'Not declared in this Dockerfile: it comes from the base image or the build, or is empty.',
    'zh-cn': '没有在本 Dockerfile 中声明：来自基础镜像或构建环境，否则为空。',
  },
};

function fill(template: string, ...args: string[]): string {
  return args.reduce((text, arg, i) => text.replaceAll(`{${i}}`, arg), template);
}

function flagDoc(ins: Instruction, pos: Position, lang: RuleLanguage): string | undefined {
  for (const target of ins.sub ? [ins, ins.sub] : [ins]) {
    const flag = target.flags.find((f) => contains(f.range, pos));
    const spec = flag && flagTable[target.name]?.find((s) => s.name === flag.name);
    if (spec)
      return `**\`--${spec.name}${spec.boolean ? '' : `=${spec.placeholder}`}\`**\n\n${spec.docs[lang]}`;
  }
  return undefined;
}

function declarationDoc(decl: VariableDeclaration, value: string | undefined, lang: RuleLanguage): string {
  const lines = [
    `**\`${decl.kind} ${decl.name}\`** · ${fill(texts.declared[lang], String(decl.pair.keyRange.start.line + 1))}`,
  ];
  if (decl.inherits)
    lines.push(fill(texts.inherits[lang], String(decl.inherits.pair.keyRange.start.line + 1)));
  if (value !== undefined) lines.push(fill(texts.value[lang], value));
  return lines.join('\n\n');
}

/** Markdown for the flag or variable under the cursor, if any. */
export function hoverDetails(file: Dockerfile, pos: Position, lang: RuleLanguage): string | undefined {
  const ins = file.instructions.find((i) => contains(i.range, pos));
  const flag = ins ? flagDoc(ins, pos, lang) : undefined;
  if (flag) return flag;
  const variables = semanticsOf(file).variables;
  const decl = variables.declarations.find((d) => contains(d.pair.keyRange, pos));
  if (decl) return declarationDoc(decl, variables.valueOf(decl), lang);
  const use = variables.uses.find((u) => contains(u.range, pos));
  if (!use) return undefined;
  if (use.declaration) return declarationDoc(use.declaration, use.value, lang);
  return use.predefined
    ? `**\`${use.name}\`**\n\n${use.predefined.docs[lang]}`
    : `**\`${use.name}\`**\n\n${texts.unknown[lang]}`;
}
