// Completion of what a stage can be built from or copied from: the earlier stages, and the
// images on the connected engine (which the client lists; the server never calls the engine).
import { CompletionItemKind, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver/node';
import type { EngineImagesRequest } from '../../../../../common/engineImages';
import type { RuleLanguage } from '../../../../../common/rules';
import type { Instruction } from '../../parser';
import type { Stage } from '../../semantics';
import type { DockerfileDocument } from '../document';

const texts = {
  stage: { en: 'stage', 'zh-cn': '阶段' },
  image: { en: 'image on the engine', 'zh-cn': '引擎上的镜像' },
  scratch: { en: 'an empty image', 'zh-cn': '空镜像' },
};

/** The stage `ins` belongs to (a FROM starts its own). */
function stageOf(doc: DockerfileDocument, ins: Instruction): Stage | undefined {
  return doc.semantics.stages.find((s) => s.from === ins || s.instructions.includes(ins));
}

/**
 * The stages before the one `ins` is in, by name, or by index when unnamed (as `--from=0`
 * reads). `withIndexes` is false for FROM, where a number would name an image.
 */
export function stageItems(
  doc: DockerfileDocument,
  ins: Instruction,
  range: Range,
  lang: RuleLanguage,
  withIndexes: boolean,
): CompletionItem[] {
  const current = stageOf(doc, ins);
  const limit = current ? current.index : doc.semantics.stages.length;
  const items: CompletionItem[] = [];
  for (const stage of doc.semantics.stages.slice(0, limit)) {
    const label = stage.name ?? (withIndexes ? String(stage.index) : undefined);
    if (label === undefined || items.some((i) => i.label === label)) continue;
    items.push({
      label,
      kind: CompletionItemKind.Reference,
      detail: `${texts.stage[lang]} ${stage.index}: FROM ${stage.image}`,
      textEdit: { range, newText: label },
      sortText: `0${String(stage.index).padStart(4, '0')}`,
    });
  }
  return items;
}

function size(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`;
}

/**
 * Images for `FROM`: `repository:tag` for the whole word, or the tags of the repository when the
 * word already has its `repository:`.
 */
export function imageItems(
  images: readonly EngineImagesRequest.Image[],
  word: string,
  range: Range,
  lang: RuleLanguage,
): CompletionItem[] {
  const colon = word.lastIndexOf(':');
  const slash = word.lastIndexOf('/');
  const tagOnly = colon > slash;
  const repository = tagOnly ? word.slice(0, colon) : undefined;
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const image of images) {
    if (repository !== undefined && image.repository !== repository) continue;
    const label = repository !== undefined ? image.tag : `${image.repository}:${image.tag}`;
    if (seen.has(label)) continue;
    seen.add(label);
    const created = new Date(image.created * 1000).toISOString().slice(0, 10);
    items.push({
      label,
      kind: CompletionItemKind.Module,
      detail: `${texts.image[lang]} · ${size(image.size)} · ${created}${image.engines ? ` · ${image.engines.join(', ')}` : ''}`,
      documentation: { kind: MarkupKind.Markdown, value: `\`${image.repository}:${image.tag}\`` },
      textEdit: {
        range: tagOnly
          ? {
              start: { line: range.end.line, character: range.end.character - (word.length - colon - 1) },
              end: range.end,
            }
          : range,
        newText: label,
      },
      sortText: `1${label}`,
    });
  }
  if (!tagOnly && !seen.has('scratch'))
    items.push({
      label: 'scratch',
      kind: CompletionItemKind.Keyword,
      detail: texts.scratch[lang],
      textEdit: { range, newText: 'scratch' },
      sortText: '2scratch',
    });
  return items;
}
