// Completion items for instructions, flags and flag values (the `RUN --mount` options included).
import {
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type Range,
} from 'vscode-languageserver/node';
import type { RuleLanguage } from '../../../../../common/rules';
import type { Instruction } from '../../parser';
import { flagTable, type FlagSpec } from '../flagTable';
import { mountOptions, mountTypeDocs, mountTypes } from '../mountTable';
import { instructionOrder, instructionSpecs } from '../instructionForms';
import { instructionDocs } from '../instructionDocs';

/** Asks the editor to complete again right away: after `--from=`, what the value can be. */
export const suggestAgain = { title: '', command: 'editor.action.triggerSuggest' };

function markdown(value: string | undefined): CompletionItem['documentation'] {
  return value === undefined ? undefined : { kind: MarkupKind.Markdown, value };
}

export function instructionItems(
  range: Range,
  inOnbuild: boolean,
  lang: RuleLanguage,
  snippets: boolean,
): CompletionItem[] {
  const items: CompletionItem[] = [];
  instructionOrder.forEach((keyword, order) => {
    if (inOnbuild && (keyword === 'FROM' || keyword === 'ONBUILD' || keyword === 'MAINTAINER')) return;
    const spec = instructionSpecs[keyword];
    const forms = snippets ? spec.snippets : spec.snippets.slice(0, 1);
    forms.forEach((form, variant) => {
      const item: CompletionItem = {
        label: keyword,
        labelDetails: snippets ? { detail: ` ${form.detail}` } : undefined,
        kind: CompletionItemKind.Keyword,
        documentation: markdown(instructionDocs[keyword]?.[lang]),
        textEdit: { range, newText: snippets ? form.snippet : form.plain },
        insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        filterText: keyword,
        sortText: `${String(order).padStart(2, '0')}${variant}`,
      };
      if (keyword === 'MAINTAINER') item.tags = [CompletionItemTag.Deprecated];
      items.push(item);
    });
  });
  return items;
}

/** The flags `ins` can still take, as items replacing `range`. */
export function flagItems(ins: Instruction, range: Range, lang: RuleLanguage): CompletionItem[] {
  const specs = flagTable[ins.name] ?? [];
  const present = new Set(ins.flags.map((f) => f.name));
  return specs
    .filter((spec) => spec.repeatable || !present.has(spec.name))
    .map((spec, order) => ({
      label: spec.boolean ? `--${spec.name}` : `--${spec.name}=`,
      labelDetails: spec.boolean ? undefined : { detail: spec.placeholder },
      kind: CompletionItemKind.Property,
      documentation: markdown(spec.docs[lang]),
      textEdit: { range, newText: spec.boolean ? `--${spec.name}` : `--${spec.name}=` },
      sortText: `0${order}`,
      command: spec.boolean ? undefined : suggestAgain,
    }));
}

export function valueItems(values: readonly string[], range: Range, detail?: string): CompletionItem[] {
  return values.map((value, order) => ({
    label: value,
    kind: CompletionItemKind.Value,
    detail,
    textEdit: { range, newText: value },
    sortText: String(order).padStart(2, '0'),
  }));
}

export function flagSpec(ins: Instruction, name: string): FlagSpec | undefined {
  return flagTable[ins.name]?.find((spec) => spec.name === name);
}

/**
 * Inside `--mount=`: the mount types after `type=`, the options the type takes, and the values of
 * an option. `value` is what is written after `--mount=` up to the cursor; `stages` gives the items
 * for `from=`.
 */
export function mountItems(
  value: string,
  cursor: { line: number; character: number },
  lang: RuleLanguage,
  stages: (range: Range) => CompletionItem[],
): CompletionItem[] {
  const parts = value.split(',');
  const current = parts[parts.length - 1];
  const written = new Map(
    parts.slice(0, -1).map((p) => {
      const eq = p.indexOf('=');
      return [eq < 0 ? p : p.slice(0, eq), eq < 0 ? '' : p.slice(eq + 1)] as const;
    }),
  );
  const eq = current.indexOf('=');
  const range = (length: number): Range => ({
    start: { line: cursor.line, character: cursor.character - length },
    end: cursor,
  });
  if (eq >= 0) {
    const key = current.slice(0, eq);
    const typed = current.slice(eq + 1);
    if (key === 'type')
      return mountTypes.map((type, order) => ({
        label: type,
        kind: CompletionItemKind.EnumMember,
        documentation: markdown(mountTypeDocs[type][lang]),
        textEdit: { range: range(typed.length), newText: type },
        sortText: String(order),
      }));
    const option = mountOptions.find((o) => o.name === key);
    if (option?.stage) return stages(range(typed.length));
    return option?.values ? valueItems(option.values, range(typed.length)) : [];
  }
  const type = written.get('type') ?? 'bind';
  const options = [
    ...(written.has('type') ? [] : [{ name: 'type', docs: mountTypeDocs.bind, boolean: undefined }]),
    ...mountOptions.filter((o) => o.types.includes(type) && !written.has(o.name)),
  ];
  return options.map((option, order) => ({
    label: option.boolean ? option.name : `${option.name}=`,
    kind: CompletionItemKind.Property,
    documentation: markdown(option.name === 'type' ? undefined : option.docs[lang]),
    textEdit: { range: range(current.length), newText: option.boolean ? option.name : `${option.name}=` },
    sortText: String(order).padStart(2, '0'),
    command: option.boolean ? undefined : suggestAgain,
  }));
}
