// Schema errors in words a Compose user reads: the key path as written, and what was expected.
import type { ErrorObject } from 'ajv';
import { text, type Localized } from '../../dockerfile/lint/report';

const typeWords: Record<string, [string, string]> = {
  string: ['a string', '字符串'],
  integer: ['a whole number', '整数'],
  number: ['a number', '数字'],
  boolean: ['true or false', 'true 或 false'],
  object: ['a mapping', '映射'],
  array: ['a list', '列表'],
  null: ['empty', '空值'],
};

export function displayPath(segments: readonly string[]): string {
  let out = '';
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s;
  return out || '(top level)';
}

export function typeMessage(path: string, types: readonly string[]): Localized {
  const en = types.map((t) => typeWords[t]?.[0] ?? t).join(' or ');
  const zh = types.map((t) => typeWords[t]?.[1] ?? t).join('或');
  return text(`\`${path}\` must be ${en}.`, `\`${path}\` 必须是${zh}。`);
}

export function unknownKeyMessage(key: string, parent: string): Localized {
  return text(
    `\`${key}\` is not a Compose key under \`${parent}\`; docker compose refuses unknown keys (prefix your own with \`x-\`).`,
    `\`${key}\` 不是 \`${parent}\` 下的 Compose 键；docker compose 会拒绝未知的键（自定义字段请以 \`x-\` 开头）。`,
  );
}

export function badNameMessage(key: string, section: string): Localized {
  return text(
    `\`${key}\` is not a valid name under \`${section}\`: use letters, digits, \`.\`, \`_\` and \`-\`.`,
    `\`${key}\` 不是 \`${section}\` 下的有效名称：只能使用字母、数字、\`.\`、\`_\` 和 \`-\`。`,
  );
}

export function errorMessage(error: ErrorObject, path: string): Localized {
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum': {
      const values = ((p.allowedValues as unknown[]) ?? []).map((v) => `\`${String(v)}\``).join(', ');
      return text(`\`${path}\` must be one of ${values}.`, `\`${path}\` 只能是 ${values} 之一。`);
    }
    case 'required':
      return text(
        `\`${path}\` needs \`${String(p.missingProperty)}\`.`,
        `\`${path}\` 缺少 \`${String(p.missingProperty)}\`。`,
      );
    case 'uniqueItems':
      return text(
        `\`${path}\` lists the same item twice (items ${Number(p.j) + 1} and ${Number(p.i) + 1}).`,
        `\`${path}\` 中有重复的项（第 ${Number(p.j) + 1} 项和第 ${Number(p.i) + 1} 项）。`,
      );
    case 'oneOf':
    case 'anyOf':
      return text(
        `\`${path}\` matches none of the forms the Compose specification allows here.`,
        `\`${path}\` 不符合 Compose 规范在此处允许的任何写法。`,
      );
    default:
      return text(
        `\`${path}\` ${error.message ?? 'is not valid'}.`,
        `\`${path}\` 不符合 Compose 规范：${error.message ?? ''}。`,
      );
  }
}
