// Hover on a rule name in a suppression comment (`# hadolint ignore=DL3006`, `# check=skip=…`):
// a file inherited from someone else says what it silences, and a name that silences nothing in
// Berth (a ShellCheck code, a typo) says so.
import type { Position, Range } from 'vscode-languageserver/node';
import type { RuleLanguage, RuleMeta } from '../../../../common/rules';
import type { Dockerfile } from '../parser';
import { findRule } from '../lint/registry';
import { ruleHref } from '../lint/ruleHref';
import { isBuildKitName } from '../lint/suppress';

const aliasLabel = { en: 'Also known as', 'zh-cn': '对应' };

/** A rule's title, id, aliases, explanation and link, as the hover shows it. */
export function ruleDocMarkdown(rule: RuleMeta, lang: RuleLanguage): string {
  const doc = rule.docs[lang];
  const href = ruleHref(rule);
  const aliases = rule.aliases.length
    ? ` · ${aliasLabel[lang]} ${rule.aliases.map((a) => `\`${a}\``).join(', ')}`
    : '';
  return `**${doc.title}** (\`${rule.id}\`${aliases})\n\n${doc.explanation}${href ? `\n\n[${href}](${href})` : ''}`;
}

// The list of names each comment form takes, and where it starts in the line.
// As the linter reads them (lint/suppress): an ignore list is the whole rest of its comment.
const ignoreComment =
  /^(\s*#\s*(?:hadolint|berth)\s+(?:global\s+|stage\s+)?ignore\s*=\s*)([A-Za-z0-9_,\s-]+)$/i;
const checkDirective = /^(\s*#\s*check\s*=\s*)(.*)$/i;

const notSkippedByCheck = {
  en: "\n\n`# check=skip=` skips only rules that carry a BuildKit check's name, and this one has none: `# hadolint ignore=` silences it.",
  'zh-cn':
    '\n\n`# check=skip=` 只跳过带有 BuildKit 检查名称的规则，而这条规则没有：请用 `# hadolint ignore=` 屏蔽它。',
};

const noRule = {
  en: (name: string) =>
    `\`${name}\` names no rule of Berth's, so this comment silences nothing in Berth. \`berth-lint --list-rules\` lists every rule with its hadolint and BuildKit names.`,
  'zh-cn': (name: string) =>
    `\`${name}\` 不是 Berth 的规则名，所以这条注释在 Berth 中不会屏蔽任何检查。\`berth-lint --list-rules\` 列出每条规则及其在 hadolint 和 BuildKit 中的名称。`,
};

const noCheck = {
  en: (name: string) =>
    `\`${name}\` names no check Berth runs. If it is one of BuildKit's build checks, \`docker build\` still skips it.`,
  'zh-cn': (name: string) =>
    `Berth 没有名为 \`${name}\` 的检查。如果它是 BuildKit 的构建检查之一，\`docker build\` 仍会跳过它。`,
};

const everyCheck = {
  en: "`all`: every BuildKit check is skipped, and so is every Berth rule that carries a BuildKit check's name.",
  'zh-cn': '`all`：跳过所有 BuildKit 检查，以及所有带有 BuildKit 检查名称的 Berth 规则。',
};

/** The names a suppression comment on this line lists, with their columns; empty for any other line. */
function listedNames(file: Dockerfile, line: number, text: string): Array<{ name: string; from: number }> {
  let start: number;
  let list: string;
  // A `#` inside a heredoc or a RUN's script is no comment of the Dockerfile's.
  if (!file.comments.some((c) => c.range.start.line === line)) return [];
  const ignore = ignoreComment.exec(text);
  const check = ignore ? null : checkDirective.exec(text);
  if (ignore) {
    start = ignore[1].length;
    list = ignore[2];
  } else if (check) {
    // `skip=A,B;error=true`: the names are those of the skip= part.
    const skip = /(^|;)\s*skip\s*=\s*([^;]*)/i.exec(check[2]);
    if (!skip) return [];
    start = check[1].length + skip.index + skip[0].length - skip[2].length;
    list = skip[2];
  } else return [];
  const names: Array<{ name: string; from: number }> = [];
  for (const m of list.matchAll(/[A-Za-z0-9_-]+/g)) names.push({ name: m[0], from: start + m.index });
  return names;
}

/**
 * The hover for the rule name under `pos` in a suppression comment, or undefined when `pos` is on
 * none. `text` is the line's text as the editor has it.
 */
export function ruleNameHover(
  file: Dockerfile,
  pos: Position,
  text: string,
  lang: RuleLanguage,
): { markdown: string; range: Range } | undefined {
  const found = listedNames(file, pos.line, text).find(
    ({ name, from }) => pos.character >= from && pos.character <= from + name.length,
  );
  if (!found) return undefined;
  const range = {
    start: { line: pos.line, character: found.from },
    end: { line: pos.line, character: found.from + found.name.length },
  };
  const isCheck = !ignoreComment.test(text);
  if (isCheck && found.name.toLowerCase() === 'all') return { markdown: everyCheck[lang], range };
  const rule = findRule(found.name);
  if (!rule) return { markdown: (isCheck ? noCheck : noRule)[lang](found.name), range };
  const unskipped = isCheck && !rule.aliases.some(isBuildKitName) ? notSkippedByCheck[lang] : '';
  return { markdown: ruleDocMarkdown(rule, lang) + unskipped, range };
}
