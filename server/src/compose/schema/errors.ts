// Turns ajv's errors into one finding per real problem. A `oneOf` reports every branch that
// failed; the branch whose shape the value has is the one the user meant, so its errors stay and
// the others' "must be a string" go.
import type { ErrorObject } from 'ajv';
import type { Node } from 'yaml';
import type { Localized } from '../../dockerfile/lint/report';
import type { AnyDocument } from '../parse/yamlNodes';
import { locate, pointerSegments } from './locate';
import { badNameMessage, displayPath, errorMessage, typeMessage, unknownKeyMessage } from './messages';

export interface SchemaProblem {
  kind: 'unknown-key' | 'invalid';
  node: Node | undefined;
  message: Localized;
}

const branching = new Set(['oneOf', 'anyOf', 'if', 'then', 'else', 'not']);
const namedSections = new Set(['/services', '/volumes', '/secrets', '/configs', '/networks']);

function under(child: string, parent: string): boolean {
  return child === parent || child.startsWith(parent + '/');
}

export function prune(errors: readonly ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const id = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
  const specific = unique.filter((e) => !branching.has(e.keyword));
  return unique.filter((e) => {
    if (branching.has(e.keyword)) return !specific.some((o) => under(o.instancePath, e.instancePath));
    if (e.keyword !== 'type') return true;
    return !specific.some(
      (o) =>
        (o.keyword !== 'type' && o.instancePath === e.instancePath) ||
        (o.instancePath !== e.instancePath && under(o.instancePath, e.instancePath)),
    );
  });
}

export function schemaProblems(doc: AnyDocument, errors: readonly ErrorObject[]): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const typesAt = new Map<string, string[]>();
  for (const error of prune(errors)) {
    const segments = pointerSegments(error.instancePath);
    const path = displayPath(segments);
    if (error.keyword === 'additionalProperties') {
      const key = String((error.params as { additionalProperty?: unknown }).additionalProperty);
      const at = locate(doc, [...segments, key]);
      const message = namedSections.has(error.instancePath)
        ? badNameMessage(key, path)
        : unknownKeyMessage(key, path);
      out.push({
        kind: namedSections.has(error.instancePath) ? 'invalid' : 'unknown-key',
        node: at.key ?? at.site,
        message,
      });
      continue;
    }
    if (error.keyword === 'type') {
      const type = (error.params as { type?: unknown }).type;
      const list = typesAt.get(error.instancePath) ?? [];
      list.push(...(Array.isArray(type) ? type.map(String) : [String(type)]));
      typesAt.set(error.instancePath, list);
      continue;
    }
    out.push({ kind: 'invalid', node: locate(doc, segments).site, message: errorMessage(error, path) });
  }
  for (const [pointer, types] of typesAt) {
    const segments = pointerSegments(pointer);
    out.push({
      kind: 'invalid',
      node: locate(doc, segments).site,
      message: typeMessage(displayPath(segments), [...new Set(types)]),
    });
  }
  return out;
}
