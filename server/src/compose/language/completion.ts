// Completion of the names a Compose file refers to: networks and volumes it declares (and, for
// `external`, those the engine has), and services in depends_on, links and network_mode.
import { CompletionItemKind, type CompletionItem, type Position } from 'vscode-languageserver/node';
import type { EngineFacts } from '../../../../common/compose';
import type { RuleLanguage } from '../../../../common/rules';
import type { ComposeFile } from '../parse/model';
import { cursorContext, type CursorContext } from './cursor';

export interface CompletionInput {
  file: ComposeFile;
  siblings: readonly ComposeFile[];
  facts: EngineFacts | undefined;
  lang: RuleLanguage;
}

const words = {
  declared: { en: 'declared in the file', 'zh-cn': '文件中声明' },
  engine: { en: 'exists on the engine', 'zh-cn': '引擎中已存在' },
  service: { en: 'service', 'zh-cn': '服务' },
};

function unique(names: Iterable<string>): string[] {
  return [...new Set(names)].sort();
}

function item(label: string, kind: CompletionItemKind, detail: string, insertText?: string): CompletionItem {
  return { label, kind, detail, ...(insertText ? { insertText } : {}) };
}

function serviceItems(input: CompletionInput, self: string | undefined, prefix = ''): CompletionItem[] {
  const names = unique([input.file, ...input.siblings].flatMap((f) => f.services.map((s) => s.name)));
  return names
    .filter((n) => n !== self)
    .map((n) => item(`${prefix}${n}`, CompletionItemKind.Module, words.service[input.lang]));
}

function declaredItems(input: CompletionInput, kind: 'network' | 'volume', suffix = ''): CompletionItem[] {
  const names = unique(
    [input.file, ...input.siblings].flatMap((f) =>
      (kind === 'network' ? f.networks : f.volumes).map((d) => d.name),
    ),
  );
  return names.map((n) =>
    item(
      n,
      kind === 'network' ? CompletionItemKind.Interface : CompletionItemKind.Folder,
      words.declared[input.lang],
      `${n}${suffix}`,
    ),
  );
}

/** The engine's networks or volumes that the file does not declare yet. */
function engineItems(
  input: CompletionInput,
  kind: 'network' | 'volume',
  asKey: CursorContext | undefined,
): CompletionItem[] {
  const facts = input.facts;
  if (!facts) return [];
  const declared = new Set(
    (kind === 'network' ? input.file.networks : input.file.volumes).map(
      (d) => d.explicitName?.text ?? d.name,
    ),
  );
  const list =
    kind === 'network'
      ? facts.networks.map((n) => ({ name: n.name, detail: [n.driver, ...n.subnets].join(' · ') }))
      : facts.volumes.map((v) => ({ name: v.name, detail: v.driver }));
  const pad = asKey ? ' '.repeat(asKey.indent + 2) : '';
  return list
    .filter((x) => !declared.has(x.name) && /^[a-zA-Z0-9._-]+$/.test(x.name))
    .map((x) => ({
      ...item(x.name, CompletionItemKind.Reference, `${words.engine[input.lang]} · ${x.detail}`),
      ...(asKey ? { insertText: `${x.name}:\n${pad}external: true` } : {}),
    }));
}

function isExternal(input: CompletionInput, kind: 'network' | 'volume', key: string): boolean {
  return (kind === 'network' ? input.file.networks : input.file.volumes).some(
    (d) => d.name === key && d.external,
  );
}

export function composeCompletion(input: CompletionInput, pos: Position): CompletionItem[] {
  const ctx = cursorContext(input.file.lines, pos);
  const [top, name, key, sub] = ctx.path;
  if (top === 'services' && name !== undefined) {
    if (key === 'networks' && (ctx.inList || (ctx.atKey && ctx.path.length === 3)))
      return declaredItems(input, 'network');
    if (
      (key === 'depends_on' && (ctx.inList || (ctx.atKey && ctx.path.length === 3))) ||
      (key === 'links' && ctx.inList)
    )
      return serviceItems(input, name);
    if (key === 'volumes_from' && ctx.inList) return serviceItems(input, name);
    if (key === 'extends' && (ctx.path.length === 3 || sub === 'service')) return serviceItems(input, name);
    if (key === 'network_mode' && ctx.path.length === 3) {
      const modes = ['host', 'none', 'bridge'].map((m) =>
        item(m, CompletionItemKind.EnumMember, 'network_mode'),
      );
      return [...modes, ...serviceItems(input, name, 'service:')];
    }
    if (key === 'volumes' && ctx.inList && !ctx.prefix.includes(':'))
      return declaredItems(input, 'volume', ':');
    if (key === 'volumes' && sub === 'source' && ctx.path.length === 4) return declaredItems(input, 'volume');
  }
  if ((top === 'networks' || top === 'volumes') && input.facts) {
    const kind = top === 'networks' ? 'network' : 'volume';
    if (ctx.atKey && ctx.path.length === 1) return engineItems(input, kind, ctx);
    if (name !== undefined && key === 'name' && ctx.path.length === 3 && isExternal(input, kind, name))
      return engineItems(input, kind, undefined);
  }
  return [];
}
