// textDocument/completion: instructions with snippets of their common forms; each instruction's
// flags and their values; stage names after FROM, `--from=` and `--mount=…,from=`; variables in
// `$`/`${` with Docker's scoping; parser directives and the check names of `# check=skip=`; rule
// ids after `# hadolint ignore=`; and the engine's images and tags in FROM.
import {
  CompletionItemKind,
  type CompletionItem,
  type Position,
  type Range,
} from 'vscode-languageserver/node';
import type { EngineImagesRequest } from '../../../../../common/engineImages';
import type { RuleLanguage } from '../../../../../common/rules';
import { predefinedVariables, useContextOf } from '../../semantics';
import type { Instruction } from '../../parser';
import type { DockerfileDocument } from '../document';
import { commentCompletions } from './comments';
import { cursorContext } from './cursor';
import { flagItems, flagSpec, instructionItems, mountItems, valueItems } from './items';
import { imageItems, stageItems } from './stagesAndImages';
import { variableItems, variablePrefix } from './variables';

export interface CompletionEnvironment {
  lang: RuleLanguage;
  /** The client inserts snippets. */
  snippets: boolean;
  /** The images on the connected engine (none when no engine is connected). */
  images(): Promise<readonly EngineImagesRequest.Image[]>;
}

const globalArg = {
  en: 'Global ARG: declare it here to use it in this stage',
  'zh-cn': '全局 ARG：在这里声明后才能在本阶段使用',
};
const signals = ['SIGTERM', 'SIGINT', 'SIGQUIT', 'SIGHUP', 'SIGUSR1', 'SIGUSR2', 'SIGKILL'];
const shells = ['["/bin/bash", "-o", "pipefail", "-c"]', '["/bin/sh", "-c"]', '["pwsh", "-Command"]'];

export async function complete(
  doc: DockerfileDocument,
  pos: Position,
  env: CompletionEnvironment,
): Promise<CompletionItem[]> {
  const context = cursorContext(doc, pos);
  const { lang } = env;
  switch (context.kind) {
    case 'keyword':
      return instructionItems(context.range, context.inOnbuild, lang, env.snippets);
    case 'comment':
      return commentCompletions(doc, pos, context.prefix, lang, env.snippets);
    case 'heredoc': {
      const typed = variablePrefix(context.prefix);
      const heredocContext = context.ins.name === 'RUN' ? 'shell' : 'build';
      return typed ? variableItems(doc, context.ins, heredocContext, pos, typed, lang) : [];
    }
    case 'none':
      return [];
  }
  const { ins, word, wordStart, inFlags, argIndex } = context;
  const range: Range = { start: wordStart, end: pos };
  const typed = variablePrefix(word);
  const flag = inFlags ? /^--([a-z-]+)=(.*)$/.exec(word) : null;
  if (typed) {
    const inFlag = flag !== null;
    const use = useContextOf(ins);
    const varContext = inFlag ? (ins.name === 'FROM' ? 'from' : 'build') : (use ?? 'build');
    return variableItems(doc, ins, varContext, pos, typed, lang);
  }
  if (flag) {
    const [, name, value] = flag;
    const valueRange: Range = {
      start: { line: pos.line, character: pos.character - value.length },
      end: pos,
    };
    if (name === 'mount' && ins.name === 'RUN')
      return mountItems(value, pos, lang, (r) => stageItems(doc, ins, r, lang, true));
    const spec = flagSpec(ins, name);
    if (!spec) return [];
    if (spec.stage) return stageItems(doc, ins, valueRange, lang, true);
    if (spec.boolean) return valueItems(['true', 'false'], valueRange);
    return valueItems(spec.values ?? [], valueRange);
  }
  const items: CompletionItem[] = [];
  if (inFlags && (word === '' || word.startsWith('-'))) items.push(...flagItems(ins, range, lang));
  if (word.startsWith('-')) return items;
  switch (ins.name) {
    case 'FROM':
      if (argIndex === 0) {
        if (!word.includes(':')) items.push(...stageItems(doc, ins, range, lang, false));
        items.push(...imageItems(word.includes('@') ? [] : await env.images(), word, range, lang));
      } else if (argIndex === 1) items.push(...valueItems(['AS'], range));
      break;
    case 'HEALTHCHECK':
      if (argIndex === 0) items.push(...valueItems(['CMD', 'NONE'], range));
      break;
    case 'STOPSIGNAL':
      if (argIndex === 0) items.push(...valueItems(signals, range));
      break;
    case 'SHELL':
      if (argIndex === 0 && !word.includes('"')) items.push(...valueItems(shells, range));
      break;
    case 'ARG':
      if (!word.includes('=')) items.push(...argNameItems(doc, ins, range, lang));
      break;
  }
  return items;
}

/**
 * Names worth declaring with ARG: in a stage, the global ARGs it has not redeclared and the
 * platform ARGs; anywhere, BuildKit's own build arguments.
 */
function argNameItems(
  doc: DockerfileDocument,
  ins: Instruction,
  range: Range,
  lang: RuleLanguage,
): CompletionItem[] {
  const semantics = doc.semantics;
  const inStage = semantics.stages.some((s) => s.instructions.includes(ins));
  const names = new Map<string, string>();
  if (inStage) {
    const visible = semantics.visibleBefore(ins);
    for (const name of semantics.declarations.globals.keys())
      if (!visible.has(name)) names.set(name, globalArg[lang]);
    for (const v of predefinedVariables)
      if (v.kind === 'platform' && !visible.has(v.name)) names.set(v.name, v.docs[lang]);
  }
  for (const v of predefinedVariables)
    if (v.kind === 'buildkit' && !names.has(v.name)) names.set(v.name, v.docs[lang]);
  return [...names].map(([name, detail], order) => ({
    label: name,
    kind: CompletionItemKind.Variable,
    detail,
    textEdit: { range, newText: name },
    sortText: String(order).padStart(3, '0'),
  }));
}
