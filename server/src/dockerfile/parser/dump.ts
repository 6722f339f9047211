import type { Dockerfile, Instruction } from './types';

const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u;

/** Go's strconv.Quote, so that our dump is byte-for-byte BuildKit's. */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (code < 0x80 && code >= 0x20 && code !== 0x7f) out += ch;
    else if (code >= 0x80 && printable.test(ch)) out += ch;
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\v') out += '\\v';
    else if (code < 0x80) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code === 0xfffd) out += '\\ufffd';
    else if (code < 0x10000) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += '\\U' + code.toString(16).padStart(8, '0');
  }
  return out + '"';
}

/** The values BuildKit chains after the keyword (its `Next` nodes) for one instruction. */
function nextValues(ins: Instruction): string[] | Instruction {
  switch (ins.name) {
    case 'ENV':
    case 'LABEL':
      return ins.pairs.flatMap((p) => [p.key, p.value ?? '', p.legacy ? '' : '=']);
    case 'ARG':
      return ins.pairs.map((p) => (p.value === undefined ? p.key : `${p.key}=${p.value}`));
    case 'ONBUILD':
      return ins.sub ?? [];
    case 'HEALTHCHECK':
      return ins.args.map((a) => a.value);
    case 'RUN':
    case 'CMD':
    case 'ENTRYPOINT':
    case 'SHELL':
      if (ins.json !== undefined) return ins.json;
      return ins.argsText === '' ? [] : [ins.argsText];
    default:
      if (ins.json !== undefined) return ins.json;
      return ins.args.map((a) => a.value);
  }
}

function knownName(name: string): boolean {
  return /^(ADD|ARG|CMD|COPY|ENTRYPOINT|ENV|EXPOSE|FROM|HEALTHCHECK|LABEL|MAINTAINER|ONBUILD|RUN|SHELL|STOPSIGNAL|USER|VOLUME|WORKDIR)$/.test(
    name,
  );
}

export function dumpInstruction(ins: Instruction): string {
  let out = ins.keyword.toLowerCase();
  if (ins.flags.length > 0) {
    const flags = ins.flags.map((f) =>
      goQuote(f.value === undefined ? `--${f.name}` : `--${f.name}=${f.value}`),
    );
    out += ` [${flags.join(' ')}]`;
  }
  if (!knownName(ins.name)) return out + ' ""';
  const next = nextValues(ins);
  if (!Array.isArray(next)) return `${out} (${dumpInstruction(next)})`;
  for (const value of next) out += ' ' + goQuote(value);
  return out;
}

/** BuildKit's `Node.Dump()` of the whole file, the format of its parser test vectors. */
export function dumpDockerfile(file: Dockerfile): string {
  return file.instructions.map((ins) => `(${dumpInstruction(ins)})`).join('\n') + '\n';
}
