// textDocument/signatureHelp: the forms of the instruction under the cursor (shell and exec form,
// `HEALTHCHECK CMD` and `NONE`…), the one written active, and the part the cursor is in; inside
// `--mount=` the options of that mount type.
import {
  MarkupKind,
  type Position,
  type SignatureHelp,
  type SignatureInformation,
} from 'vscode-languageserver/node';
import type { RuleLanguage } from '../../../../common/rules';
import type { Instruction } from '../parser';
import { cursorContext } from './completion/cursor';
import type { DockerfileDocument } from './document';
import { mountOptions, mountTypeDocs, mountTypes } from './mountTable';
import { instructionSpecs, type InstructionForm } from './instructionForms';
import { instructionDocs } from './instructionDocs';

function signatureOf(form: InstructionForm, docs: string | undefined): SignatureInformation {
  return {
    label: form.signature,
    documentation: docs === undefined ? undefined : { kind: MarkupKind.Markdown, value: docs },
    parameters: form.parameters.map((label) => ({ label })),
  };
}

/** Which element of a JSON array the cursor is in: commas outside strings before it. */
function jsonElement(text: string): number {
  let index = 0;
  let inString = false;
  for (let i = text.indexOf('[') + 1; i > 0 && i < text.length; i++) {
    const ch = text[i];
    if (inString && ch === '\\') i++;
    else if (ch === '"') inString = !inString;
    else if (!inString && ch === ',') index++;
  }
  return index;
}

function activeForm(ins: Instruction, forms: readonly InstructionForm[]): number {
  if (ins.name === 'HEALTHCHECK') return ins.args[0]?.value.toUpperCase() === 'NONE' ? 1 : 0;
  if (ins.name === 'FROM') return ins.args[0]?.value.includes('@') ? 1 : 0;
  const exec = ins.argsText.trimStart().startsWith('[');
  const index = forms.findIndex((f) => (f.exec === true) === exec);
  return Math.max(0, index);
}

function mountSignature(value: string, lang: RuleLanguage): SignatureHelp {
  const parts = value.split(',');
  const typePart = parts.find((p) => p.startsWith('type='));
  const type = (typePart?.slice(5) ?? 'bind') as (typeof mountTypes)[number];
  const options = mountOptions.filter((o) => o.types.includes(type));
  const params = [`type=${type}`, ...options.map((o) => (o.boolean ? o.name : `${o.name}=<${o.name}>`))];
  const current = parts[parts.length - 1];
  const key = current.includes('=') ? current.slice(0, current.indexOf('=')) : current;
  const active = key === 'type' ? 0 : options.findIndex((o) => o.name === key) + 1;
  return {
    signatures: [
      {
        label: `--mount=${params.join(',')}`,
        documentation: mountTypes.includes(type) ? mountTypeDocs[type][lang] : undefined,
        parameters: params.map((label) => ({ label })),
      },
    ],
    activeSignature: 0,
    activeParameter: Math.max(0, active),
  };
}

export function signatureHelp(
  doc: DockerfileDocument,
  pos: Position,
  lang: RuleLanguage,
): SignatureHelp | null {
  const context = cursorContext(doc, pos);
  if (context.kind !== 'arguments') return null;
  const { ins, word, inFlags, argIndex } = context;
  if (inFlags && word.startsWith('--mount=') && ins.name === 'RUN')
    return mountSignature(word.slice(8), lang);
  const spec = instructionSpecs[ins.name];
  if (!spec) return null;
  const active = activeForm(ins, spec.forms);
  const form = spec.forms[active];
  const hasFlags = form.parameters[0]?.startsWith('[--') === true;
  let parameter: number;
  if (hasFlags && inFlags && (word === '' || word.startsWith('-'))) parameter = 0;
  else if (form.exec) {
    const line = doc.line(pos.line).slice(0, pos.character);
    parameter = (hasFlags ? 1 : 0) + Math.min(jsonElement(line), 1);
  } else if (ins.name === 'COPY' || ins.name === 'ADD') {
    const last = argIndex >= 1 && argIndex >= ins.args.length - 1;
    parameter = (hasFlags ? 1 : 0) + (last ? 1 : 0);
  } else if (ins.name === 'ENV' || ins.name === 'LABEL' || ins.name === 'ARG')
    parameter = word.includes('=') ? 1 : 0;
  else parameter = (hasFlags ? 1 : 0) + Math.min(argIndex, form.parameters.length - (hasFlags ? 2 : 1));
  const docs = instructionDocs[ins.name]?.[lang];
  return {
    signatures: spec.forms.map((f) => signatureOf(f, docs)),
    activeSignature: active,
    activeParameter: Math.max(0, Math.min(parameter, form.parameters.length - 1)),
  };
}
