// textDocument/prepareRename and rename: a stage name, an ARG or ENV variable (with every place
// that reads the same declaration, by Docker's scoping) or a heredoc delimiter. What cannot be
// renamed, and names BuildKit would refuse, are refused with a message saying why.
import type { Position, Range, TextEdit } from 'vscode-languageserver/node';
import type { RuleLanguage } from '../../../../common/rules';
import { predefinedVariable, type Stage, type VariableDeclaration } from '../semantics';
import type { DockerfileDocument } from './document';
import { occurrencesOf, targetAt, type Target } from './occurrences';

type Message = Readonly<Record<RuleLanguage, string>>;
type Refusal = { refused: string };

const messages = {
  nothing: {
    en: 'Only stage names, ARG and ENV variables and heredoc delimiters can be renamed.',
    'zh-cn': '只能重命名阶段名、ARG 和 ENV 变量以及 heredoc 分隔符。',
  },
  stageIndex: {
    en: 'This names the stage by its index; rename the stage where it is declared with `AS name`.',
    'zh-cn': '这里用序号指代阶段；请在用 `AS 名字` 声明阶段的地方重命名。',
  },
  predefined: {
    en: '`{0}` is set by BuildKit or Docker, not declared in this file; it cannot be renamed.',
    'zh-cn': '`{0}` 由 BuildKit 或 Docker 设置，不是在本文件中声明的，不能重命名。',
  },
  predefinedDeclaration: {
    en: '`{0}` gets its value from BuildKit; under another name it would lose it.',
    'zh-cn': '`{0}` 的值由 BuildKit 提供；换个名字就会失去这个值。',
  },
  undeclared: {
    en: '`{0}` is not declared in this Dockerfile (it may come from the base image); there is nothing to rename.',
    'zh-cn': '`{0}` 没有在本 Dockerfile 中声明（可能来自基础镜像），没有可以重命名的声明。',
  },
  stageName: {
    en: 'BuildKit refuses the stage name `{0}`: it must start with a letter and hold only letters, digits, `-`, `_` and `.`.',
    'zh-cn': 'BuildKit 不接受阶段名 `{0}`：它必须以字母开头，只能包含字母、数字、`-`、`_` 和 `.`。',
  },
  reserved: {
    en: '`{0}` is reserved: `FROM {0}` would no longer mean this stage.',
    'zh-cn': '`{0}` 是保留名：`FROM {0}` 将不再指这个阶段。',
  },
  stageTaken: {
    en: 'Another stage is already named `{0}` (line {1}).',
    'zh-cn': '已有另一个阶段名为 `{0}`（第 {1} 行）。',
  },
  variableName: {
    en: '`{0}` is not a variable name: use letters, digits and `_`, not starting with a digit.',
    'zh-cn': '`{0}` 不是合法的变量名：只能用字母、数字和 `_`，且不能以数字开头。',
  },
  variableTaken: {
    en: '`{0}` is already declared (line {1}): the two variables would become one.',
    'zh-cn': '`{0}` 已经声明过（第 {1} 行）：两个变量会合并成一个。',
  },
  heredocName: {
    en: '`{0}` cannot end a heredoc: use letters, digits, `_`, `-` and `.`.',
    'zh-cn': '`{0}` 不能作为 heredoc 的结束标记：只能用字母、数字、`_`、`-` 和 `.`。',
  },
} satisfies Record<string, Message>;

function say(message: Message, lang: RuleLanguage, ...args: string[]): Refusal {
  return { refused: args.reduce((text, arg, i) => text.replaceAll(`{${i}}`, arg), message[lang]) };
}

/** BuildKit's stage name rule (instructions/parse.go), on the lower-cased name. */
const validStageName = /^[a-z][a-z0-9-_.]*$/;
const reservedStageNames = new Set(['scratch', 'context']);
const validVariableName = /^[A-Za-z_][A-Za-z0-9_]*$/;
const validHeredocName = /^[A-Za-z0-9_.-]+$/;

/** Why the target cannot be renamed at all, or undefined. */
function refusal(target: Target | undefined, lang: RuleLanguage): Refusal | undefined {
  if (!target) return say(messages.nothing, lang);
  switch (target.kind) {
    case 'stage-index':
      return say(messages.stageIndex, lang);
    case 'unknown-variable': {
      const { use } = target;
      return say(use.predefined ? messages.predefined : messages.undeclared, lang, use.name);
    }
    case 'variable': {
      const name = target.declaration.name;
      const predefined = predefinedVariable(name);
      return predefined && predefined.kind !== 'environment'
        ? say(messages.predefinedDeclaration, lang, name)
        : undefined;
    }
    default:
      return undefined;
  }
}

export function prepareRename(
  doc: DockerfileDocument,
  pos: Position,
  lang: RuleLanguage,
): { range: Range; placeholder: string } | Refusal {
  const target = targetAt(doc, pos);
  const refused = refusal(target, lang);
  if (refused || !target) return refused ?? say(messages.nothing, lang);
  const placeholder =
    target.kind === 'stage' ? (target.stage.name ?? doc.textOf(target.range)) : doc.textOf(target.range);
  return { range: target.range, placeholder };
}

export function rename(
  doc: DockerfileDocument,
  pos: Position,
  newName: string,
  lang: RuleLanguage,
): TextEdit[] | Refusal {
  const target = targetAt(doc, pos);
  const refused = refusal(target, lang) ?? (target ? invalidName(doc, target, newName, lang) : undefined);
  if (refused || !target) return refused ?? say(messages.nothing, lang);
  return occurrencesOf(doc, target).map((o) => ({ range: o.range, newText: newName }));
}

/** Why `newName` cannot replace the target's name, or undefined. */
function invalidName(
  doc: DockerfileDocument,
  target: Target,
  newName: string,
  lang: RuleLanguage,
): Refusal | undefined {
  switch (target.kind) {
    case 'stage': {
      const lower = newName.toLowerCase();
      if (!validStageName.test(lower)) return say(messages.stageName, lang, newName);
      if (reservedStageNames.has(lower)) return say(messages.reserved, lang, lower);
      const other = doc.semantics.stages.find((s) => s.name === lower && s !== target.stage);
      return other
        ? say(messages.stageTaken, lang, lower, String(other.from.range.start.line + 1))
        : undefined;
    }
    case 'variable': {
      if (!validVariableName.test(newName)) return say(messages.variableName, lang, newName);
      if (predefinedVariable(newName)) return say(messages.predefinedDeclaration, lang, newName);
      const taken = clash(doc, target.declaration, newName);
      return taken ? say(messages.variableTaken, lang, newName, String(taken.start.line + 1)) : undefined;
    }
    case 'heredoc':
      return validHeredocName.test(newName) ? undefined : say(messages.heredocName, lang, newName);
    default:
      return undefined;
  }
}

/** The stages built on `stage`, and the ones it is built on, and itself. */
function lineage(stages: readonly Stage[], stage: Stage): Set<Stage> {
  const family = new Set<Stage>();
  for (let s: Stage | undefined = stage; s; s = s.parent) family.add(s);
  for (const s of stages) {
    for (let p: Stage | undefined = s.parent; p; p = p.parent) if (p === stage) family.add(s);
  }
  return family;
}

/**
 * Where `newName` is already declared or read where the renamed variable is visible: after the
 * rename the two would be one variable. Declarations and uses in unrelated stages do not count.
 */
function clash(doc: DockerfileDocument, decl: VariableDeclaration, newName: string): Range | undefined {
  const variables = doc.semantics.variables;
  const related = variables.related(decl);
  const stages = new Set<Stage>();
  let global = false;
  for (const d of related.declarations) {
    if (d.stage) for (const s of lineage(doc.semantics.stages, d.stage)) stages.add(s);
    else global = true;
  }
  // A stage `ARG NAME` without a value would start taking the default of a global ARG NAME.
  const inheritable = related.declarations.some((d) => d.kind === 'ARG' && d.pair.value === undefined);
  const near = (stage: Stage | undefined): boolean => (stage ? stages.has(stage) : global || inheritable);
  const declared = variables.declarations.find((d) => d.name === newName && near(d.stage));
  if (declared) return declared.pair.keyRange;
  return variables.uses.find((u) => u.name === newName && (near(u.stage) || (global && u.context === 'from')))
    ?.nameRange;
}
