// Completion in comments: parser directives at the top of the file (`# syntax=`, `# escape=`,
// `# check=skip=` with BuildKit's check names) and rule ids after `# hadolint ignore=`.
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type Position,
} from 'vscode-languageserver/node';
import type { RuleLanguage } from '../../../../../common/rules';
import { buildkitChecks } from '../../lint/buildkitChecks';
import { allRuleMeta } from '../../lint/registry';
import type { DockerfileDocument } from '../document';

const ignorePattern =
  /^\s*#\s*(?:hadolint|berth)\s+(?:global\s+|stage\s+)?ignore\s*=\s*((?:[A-Za-z0-9_-]+\s*,\s*)*)([A-Za-z0-9_-]*)$/i;
const directiveName = /^\s*#\s*([A-Za-z]*)$/;
const syntaxValue = /^\s*#\s*syntax\s*=\s*(\S*)$/i;
const escapeValue = /^\s*#\s*escape\s*=\s*(\S*)$/i;
const checkValue = /^\s*#\s*check\s*=\s*(.*)$/i;

const labels = {
  syntax: { en: 'The Dockerfile frontend to build with', 'zh-cn': '用于构建的 Dockerfile 前端' },
  escape: { en: 'The escape character: \\ or `', 'zh-cn': '转义字符：\\ 或 `' },
  check: { en: "Which of BuildKit's build checks run", 'zh-cn': '运行哪些 BuildKit 构建检查' },
  ignore: { en: 'Ignore rules on the next instruction', 'zh-cn': '在下一条指令上忽略规则' },
  globalIgnore: { en: 'Ignore rules in the whole file', 'zh-cn': '在整个文件中忽略规则' },
  buildkitCheck: { en: 'BuildKit build check', 'zh-cn': 'BuildKit 构建检查' },
  allChecks: { en: 'Skip every BuildKit check', 'zh-cn': '跳过所有 BuildKit 检查' },
};

interface Edit {
  line: number;
  from: number;
  to: number;
}

function item(
  label: string,
  at: Edit,
  newText: string,
  kind: CompletionItemKind,
  detail?: string,
  snippet = false,
): CompletionItem {
  return {
    label,
    kind,
    detail,
    textEdit: {
      range: { start: { line: at.line, character: at.from }, end: { line: at.line, character: at.to } },
      newText,
    },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
  };
}

/** Whether a comment on `line` is still a parser directive: only directives are above it. */
function inDirectiveArea(doc: DockerfileDocument, line: number): boolean {
  const directives = doc.file.directives;
  if (line > directives.length) return false;
  for (let l = 0; l < line; l++) if (directives[l]?.range.start.line !== l) return false;
  return doc.file.instructions.every((ins) => ins.range.start.line > line);
}

export function commentCompletions(
  doc: DockerfileDocument,
  pos: Position,
  prefix: string,
  lang: RuleLanguage,
  snippets: boolean,
): CompletionItem[] {
  const at = (length: number): Edit => ({ line: pos.line, from: pos.character - length, to: pos.character });
  const ignore = ignorePattern.exec(prefix);
  if (ignore) {
    const listed = new Set(ignore[1].split(/[\s,]+/).map((s) => s.toLowerCase()));
    const items: CompletionItem[] = [];
    for (const rule of allRuleMeta) {
      for (const id of [rule.id, ...rule.aliases]) {
        if (listed.has(id.toLowerCase())) continue;
        const detail = id === rule.id ? rule.docs[lang].title : `${rule.id}: ${rule.docs[lang].title}`;
        items.push(item(id, at(ignore[2].length), id, CompletionItemKind.EnumMember, detail));
      }
    }
    return items;
  }
  if (!inDirectiveArea(doc, pos.line)) return ignoreStarters(prefix, at, lang, snippets);
  const name = directiveName.exec(prefix);
  if (name) {
    const present = new Set(
      doc.file.directives.filter((d) => d.range.start.line !== pos.line).map((d) => d.name),
    );
    const items: CompletionItem[] = [];
    const directive = (key: 'syntax' | 'escape' | 'check', body: string): void => {
      if (present.has(key)) return;
      items.push(
        item(
          `${key}=`,
          at(name[1].length),
          snippets ? body : `${key}=`,
          CompletionItemKind.Keyword,
          labels[key][lang],
          snippets,
        ),
      );
    };
    directive('syntax', 'syntax=${1:docker/dockerfile:1}');
    directive('escape', 'escape=${1|`,\\\\|}');
    directive('check', 'check=skip=${1}');
    return [...items, ...ignoreStarters(prefix, at, lang, snippets)];
  }
  const syntax = syntaxValue.exec(prefix);
  if (syntax) {
    return ['docker/dockerfile:1', 'docker/dockerfile:1-labs', 'docker/dockerfile-upstream:master'].map((v) =>
      item(v, at(syntax[1].length), v, CompletionItemKind.Value),
    );
  }
  const escape = escapeValue.exec(prefix);
  if (escape) return ['`', '\\'].map((v) => item(v, at(escape[1].length), v, CompletionItemKind.Value));
  const check = checkValue.exec(prefix);
  if (check) return checkCompletions(check[1], at, lang);
  return [];
}

function checkCompletions(value: string, at: (length: number) => Edit, lang: RuleLanguage): CompletionItem[] {
  const part = value.slice(value.lastIndexOf(';') + 1);
  const skip = /^\s*skip\s*=\s*((?:[A-Za-z]+\s*,\s*)*)([A-Za-z]*)$/i.exec(part);
  if (skip) {
    const listed = new Set(skip[1].split(/[\s,]+/).filter(Boolean));
    const names = ['all', ...buildkitChecks].filter((n) => !listed.has(n));
    return names.map((n) =>
      item(
        n,
        at(skip[2].length),
        n,
        CompletionItemKind.EnumMember,
        n === 'all' ? labels.allChecks[lang] : labels.buildkitCheck[lang],
      ),
    );
  }
  const error = /^\s*error\s*=\s*(\w*)$/i.exec(part);
  if (error) return ['true', 'false'].map((v) => item(v, at(error[1].length), v, CompletionItemKind.Value));
  const key = /^\s*(\w*)$/.exec(part);
  if (key)
    return ['skip=', 'error=true'].map((v) => item(v, at(key[1].length), v, CompletionItemKind.Property));
  return [];
}

/** `hadolint ignore=` and `hadolint global ignore=` in a comment that has a word at most. */
function ignoreStarters(
  prefix: string,
  at: (length: number) => Edit,
  lang: RuleLanguage,
  snippets: boolean,
): CompletionItem[] {
  const word = /^\s*#\s*([A-Za-z]*)$/.exec(prefix);
  if (!word) return [];
  return [
    item(
      'hadolint ignore=',
      at(word[1].length),
      'hadolint ignore=',
      CompletionItemKind.Keyword,
      labels.ignore[lang],
      snippets,
    ),
    item(
      'hadolint global ignore=',
      at(word[1].length),
      'hadolint global ignore=',
      CompletionItemKind.Keyword,
      labels.globalIgnore[lang],
      snippets,
    ),
  ].map((i) => ({ ...i, command: { title: '', command: 'editor.action.triggerSuggest' } }));
}
