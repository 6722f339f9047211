// textDocument/inlayHint: after a `$VAR`, the value it has there when the ARG and ENV defaults
// tell it; after a relative WORKDIR, the absolute path it resolves to. Each can be turned off.
import * as posix from 'node:path/posix';
import { MarkupKind, type InlayHint, type Range } from 'vscode-languageserver/node';
import type { InlayHintSettings } from '../../../../common/protocol';
import type { RuleLanguage } from '../../../../common/rules';
import type { Instruction } from '../parser';
import { evaluateWord } from '../semantics/evaluate';
import type { VariableUse } from '../semantics';
import type { DockerfileDocument } from './document';

/** Longer values are cut: a hint is read at a glance. */
const maxShown = 32;

const tooltips = {
  argDefault: {
    en: '`{0}` is `{1}` here: the default of the ARG on line {2}; `--build-arg {0}=…` can change it.',
    'zh-cn': '`{0}` 在这里是 `{1}`：来自第 {2} 行 ARG 的默认值；`--build-arg {0}=…` 可以改变它。',
  },
  env: {
    en: '`{0}` is `{1}` here: set by the ENV on line {2}.',
    'zh-cn': '`{0}` 在这里是 `{1}`：由第 {2} 行的 ENV 设置。',
  },
  workdir: {
    en: 'This WORKDIR is `{0}`: a relative path continues from the WORKDIR before it.',
    'zh-cn': '这个 WORKDIR 是 `{0}`：相对路径接在前一个 WORKDIR 之后。',
  },
};

function fill(template: string, ...args: string[]): string {
  return args.reduce((text, arg, i) => text.replaceAll(`{${i}}`, arg), template);
}

function shown(value: string): string {
  const flat = value.replace(/\s+/g, ' ');
  return flat.length > maxShown ? `${flat.slice(0, maxShown - 1)}…` : flat;
}

function inRange(range: Range, line: number): boolean {
  return line >= range.start.line && line <= range.end.line;
}

function variableHint(use: VariableUse, lang: RuleLanguage): InlayHint | undefined {
  const decl = use.declaration;
  if (use.value === undefined || !decl) return undefined;
  const source = decl.kind === 'ARG' && decl.inherits ? decl.inherits : decl;
  const template = decl.kind === 'ENV' ? tooltips.env[lang] : tooltips.argDefault[lang];
  return {
    position: use.range.end,
    label: `= ${shown(use.value) || '""'}`,
    paddingLeft: true,
    tooltip: {
      kind: MarkupKind.Markdown,
      value: fill(template, use.name, use.value, String(source.pair.keyRange.start.line + 1)),
    },
  };
}

export function inlayHints(
  doc: DockerfileDocument,
  range: Range,
  settings: InlayHintSettings,
  lang: RuleLanguage,
): InlayHint[] {
  const hints: InlayHint[] = [];
  const semantics = doc.semantics;
  if (settings.variables) {
    for (const use of semantics.variables.uses) {
      if (!inRange(range, use.range.end.line)) continue;
      const hint = variableHint(use, lang);
      if (hint) hints.push(hint);
    }
  }
  if (settings.workdir) {
    for (const stage of semantics.stages) {
      for (const ins of stage.instructions) {
        if (ins.name !== 'WORKDIR' || ins.args.length === 0 || !inRange(range, ins.range.end.line)) continue;
        const written = ins.argsText.replace(/^(["'])(.*)\1$/, '$2');
        const relative = !written.startsWith('/');
        if (!relative && !written.includes('$')) continue;
        const path = resolved(doc, ins, semantics.workdirs.after(ins));
        if (path === undefined || path === written) continue;
        hints.push({
          position: ins.range.end,
          label: `→ ${path}`,
          paddingLeft: true,
          tooltip: { kind: MarkupKind.Markdown, value: fill(tooltips.workdir[lang], path) },
        });
      }
    }
  }
  return hints.sort(
    (a, b) => a.position.line - b.position.line || a.position.character - b.position.character,
  );
}

/** The absolute path with `..` resolved and the WORKDIR's own variables expanded, when known. */
function resolved(doc: DockerfileDocument, ins: Instruction, path: string): string | undefined {
  let value: string | undefined = path;
  if (path.includes('$')) {
    const variables = doc.semantics.variables;
    const uses = variables.uses.filter((u) => u.instruction === ins);
    const lookup = (name: string): string | undefined => {
      const decl = uses.find((u) => u.name === name)?.declaration;
      return decl ? variables.valueOf(decl) : undefined;
    };
    value = evaluateWord(path, lookup, doc.file.escapeToken);
  }
  return value === undefined || !value.startsWith('/') ? undefined : posix.normalize(value);
}
