// Which editor documents are Compose files: VS Code's own `dockercompose` language, and Compose
// file names opened as plain `yaml` (older VS Code, or a files.associations entry). Other YAML
// files never reach Berth's language server.
import type { DocumentFilter } from 'vscode-languageclient/node';

const names =
  '{compose.yml,compose.yaml,compose.*.yml,compose.*.yaml,*docker*compose*.yml,*docker*compose*.yaml}';

export const composeSelector: DocumentFilter[] = [
  { language: 'dockercompose', scheme: 'file' },
  { language: 'dockercompose', scheme: 'untitled' },
  { language: 'yaml', scheme: 'file', pattern: `**/${names}` },
];

const composeName = /^(?:compose(?:\..+)?|.*docker.*compose.*)\.ya?ml$/i;

export function isComposeDocument(doc: { languageId: string; fileName: string }): boolean {
  if (doc.languageId === 'dockercompose') return true;
  return doc.languageId === 'yaml' && composeName.test(doc.fileName.split(/[\\/]/).pop() ?? '');
}
