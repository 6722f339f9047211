// textDocument/inlayHint: after a `$VAR`, the value it has there when the ARG and ENV defaults
// tell it; after a relative WORKDIR, the absolute path it resolves to. Each can be turned off.
import * as posix from 'node:path/posix';
import { MarkupKind, type InlayHint, type Range } from 'vscode-languageserver/node';
import type { InlayHintSettings } from '../../../../common/protocol';
import type { RuleLanguage } from '../../../../common/rules';
import type { Instruction } from '../parser';
import { evaluateWord } from '../semantics/evaluate';
import type { Stage, VariableUse } from '../semantics';
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
    for (const [ins, path] of resolvedWorkdirs(doc)) {
      if (!inRange(range, ins.range.end.line) || path === undefined) continue;
      const written = ins.argsText.replace(/^(["'])(.*)\1$/, '$2');
      if (written.startsWith('/') && !written.includes('$')) continue;
      hints.push({
        position: ins.range.end,
        label: `→ ${path}`,
        paddingLeft: true,
        tooltip: { kind: MarkupKind.Markdown, value: fill(tooltips.workdir[lang], path) },
      });
    }
  }
  return hints.sort(
    (a, b) => a.position.line - b.position.line || a.position.character - b.position.character,
  );
}

/**
 * The absolute directory each WORKDIR sets, `..` resolved and its variables expanded with the
 * values they have there; undefined where a value (or the directory before it) is unknown. A
 * stage built on another starts where that one ended.
 */
function resolvedWorkdirs(doc: DockerfileDocument): Map<Instruction, string | undefined> {
  const semantics = doc.semantics;
  const variables = semantics.variables;
  const resolved = new Map<Instruction, string | undefined>();
  const finalDir = new Map<Stage, string | undefined>();
  for (const stage of semantics.stages) {
    let dir: string | undefined = stage.parent ? finalDir.get(stage.parent) : '/';
    for (const ins of stage.instructions) {
      if (ins.name !== 'WORKDIR' || ins.args.length === 0) continue;
      const written = ins.argsText.replace(/^(["'])(.*)\1$/, '$2');
      const uses = variables.uses.filter((u) => u.instruction === ins);
      const lookup = (name: string): string | undefined => {
        const decl = uses.find((u) => u.name === name)?.declaration;
        return decl ? variables.valueOf(decl) : undefined;
      };
      const value = written.includes('$') ? evaluateWord(written, lookup, doc.file.escapeToken) : written;
      if (value === undefined) dir = undefined;
      else if (value.startsWith('/')) dir = posix.normalize(value);
      else if (dir !== undefined) dir = posix.join(dir, value);
      resolved.set(ins, dir);
    }
    finalDir.set(stage, dir);
  }
  return resolved;
}
