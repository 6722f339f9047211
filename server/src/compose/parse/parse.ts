// Parses a Compose file with `yaml`, keeping positions, into the model the rules read.
import { isMap, parseDocument } from 'yaml';
import { LineIndex } from './lines';
import type { ComposeFile, Located } from './model';
import { Reader } from './reader';
import { readResource } from './resources';
import { readService } from './services';
import { entries, entry, items, type Entry } from './yamlNodes';

export interface ParseInput {
  uri: string;
  path: string | undefined;
  source: string;
}

export function parseCompose({ uri, path, source }: ParseInput): ComposeFile {
  const lines = new LineIndex(source);
  // go-yaml, which Compose uses, reads `<<` merge keys and allows many aliases.
  const doc = parseDocument(source, { merge: true, prettyErrors: false, uniqueKeys: true });
  const r = new Reader(doc, lines);
  const syntaxErrors = doc.errors.map((e) => ({
    message: e.message.split('\n')[0],
    range: lines.range(e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
  }));
  const root = isMap(doc.contents) ? doc.contents : null;
  const section = (key: string): Entry[] => {
    const e = entry(doc, root, key);
    return e && isMap(e.value) ? entries(doc, e.value) : [];
  };
  const nameEntry = entry(doc, root, 'name');
  const file: ComposeFile = {
    uri,
    path,
    source,
    lines,
    doc,
    syntaxErrors,
    projectName: nameEntry ? r.located(nameEntry.value, r.valueSite(nameEntry)) : undefined,
    services: section('services').map((e) => readService(r, e)),
    networks: section('networks').map((e) => readResource(r, e, 'network')),
    volumes: section('volumes').map((e) => readResource(r, e, 'volume')),
    includes: readIncludes(r, entry(doc, root, 'include')),
    symbols: [],
  };
  file.symbols = r.symbols.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
  return file;
}

/** `include:` entries as paths: a string, or `path:` (a string or a list) in the long form. */
function readIncludes(r: Reader, e: Entry | undefined): Located[] {
  const out: Located[] = [];
  for (const f of items(r.doc, e?.value ?? null)) {
    const own = r.located(f.node, f.site);
    if (own) {
      out.push(own);
      continue;
    }
    const p = entry(r.doc, f.node, 'path');
    const one = p ? r.located(p.value, r.valueSite(p)) : undefined;
    if (one) out.push(one);
    else
      for (const x of items(r.doc, p?.value ?? null)) {
        const each = r.located(x.node, x.site);
        if (each) out.push(each);
      }
  }
  return out;
}
