// textDocument/documentLink: a base image links to its page on its registry (Docker Hub for
// official and user images, the registry's host otherwise); a COPY or ADD source that exists in
// the build context links to the file.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentLink, Range } from 'vscode-languageserver/node';
import { registryHostOf } from '../../../../common/imageReference';
import type { RuleLanguage } from '../../../../common/rules';
import type { Instruction, Word } from '../parser';
import type { DockerfileDocument } from './document';

const tooltips = {
  registry: { en: 'Open the image on {0}', 'zh-cn': '在 {0} 上打开该镜像' },
  file: { en: 'Open the file in the build context', 'zh-cn': '打开构建上下文中的文件' },
};

/** The page of an image reference's repository, and how long the repository part is. */
export function registryPage(reference: string): { url: string; host: string; length: number } | undefined {
  if (reference === '' || reference.includes('$') || reference.toLowerCase() === 'scratch') return undefined;
  const at = reference.indexOf('@');
  const withoutDigest = at < 0 ? reference : reference.slice(0, at);
  const colon = withoutDigest.lastIndexOf(':');
  const repository = colon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, colon) : withoutDigest;
  if (!/^[A-Za-z0-9][A-Za-z0-9._\-/:]*$/.test(repository)) return undefined;
  const registry = registryHostOf(repository);
  const host = registry ?? 'docker.io';
  const name = registry === undefined ? repository : repository.slice(registry.length + 1);
  const length = repository.length;
  if (['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(host)) {
    const official = !name.includes('/') || name.startsWith('library/');
    const url = official
      ? `https://hub.docker.com/_/${name.replace(/^library\//, '')}`
      : `https://hub.docker.com/r/${name}`;
    return { url, host: 'Docker Hub', length };
  }
  if (host === 'quay.io') return { url: `https://quay.io/repository/${name}`, host, length };
  if (host === 'mcr.microsoft.com')
    return { url: `https://mcr.microsoft.com/artifact/mar/${name}`, host, length };
  return { url: `https://${host}/${name}`, host, length };
}

function imageLinks(doc: DockerfileDocument, lang: RuleLanguage): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const stage of doc.semantics.stages) {
    const word = stage.from.args[0];
    if (!word || stage.parent) continue;
    const page = registryPage(word.value);
    const { start, end } = word.range;
    if (!page || start.line !== end.line) continue;
    links.push({
      range: { start, end: { line: start.line, character: start.character + page.length } },
      target: page.url,
      tooltip: tooltips.registry[lang].replace('{0}', page.host),
    });
  }
  return links;
}

/** The sources of a COPY or ADD from the build context, with where each is written. */
function sources(ins: Instruction): Array<{ value: string; range: Range }> {
  if ((ins.name !== 'COPY' && ins.name !== 'ADD') || ins.flags.some((f) => f.name === 'from')) return [];
  const args: Word[] = ins.args;
  const list: Array<{ value: string; range: Range }> = [];
  for (const word of args.slice(0, -1)) {
    const quoted = ins.json !== undefined;
    const value = quoted ? word.value : word.value.replace(/^(["'])(.*)\1$/, '$2');
    if (
      value === '' ||
      value.startsWith('<<') ||
      /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ||
      /[$*?[]/.test(value)
    )
      continue;
    const { start, end } = word.range;
    if (start.line !== end.line) continue;
    const shift = quoted || value !== word.value ? 1 : 0;
    list.push({
      value,
      range: {
        start: { line: start.line, character: start.character + shift },
        end: { line: start.line, character: start.character + shift + value.length },
      },
    });
  }
  return list;
}

/** The build context on disk: its folder, and whether a path in it is a file. */
export interface BuildContext {
  dir: string;
  isFile(file: string): boolean;
}

function contextLinks(doc: DockerfileDocument, context: BuildContext, lang: RuleLanguage): DocumentLink[] {
  const links: DocumentLink[] = [];
  const root = path.resolve(context.dir);
  for (const ins of doc.file.instructions) {
    for (const source of sources(ins)) {
      const file = path.resolve(root, source.value);
      // BuildKit never reads outside the context.
      if (file !== root && !file.startsWith(root + path.sep)) continue;
      if (context.isFile(file))
        links.push({ range: source.range, target: pathToFileURL(file).href, tooltip: tooltips.file[lang] });
    }
  }
  return links;
}

/** `context` is undefined when the document is not a file on disk. */
export function documentLinks(
  doc: DockerfileDocument,
  context: BuildContext | undefined,
  lang: RuleLanguage,
): DocumentLink[] {
  return [...imageLinks(doc, lang), ...(context ? contextLinks(doc, context, lang) : [])];
}
