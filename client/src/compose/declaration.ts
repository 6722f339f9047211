// "Go to Compose Declaration" on a network or volume that Compose created: the project's files
// (from its containers' labels, then the workspace's Compose files) are handed to the language
// server, which finds the one that declares the key.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ComposeDeclarationRequest } from '../../../common/compose';
import type { Snapshot } from '../engine/model/snapshot';
import { projectFiles, type ComposeOrigin } from './origin';

const workspaceComposeFiles =
  '**/{compose.yml,compose.yaml,compose.*.yml,compose.*.yaml,*docker*compose*.yml,*docker*compose*.yaml}';

export async function findComposeDeclaration(
  client: LanguageClient,
  snapshot: Snapshot,
  origin: ComposeOrigin,
): Promise<vscode.Location | undefined> {
  const fromLabels = projectFiles(snapshot, origin.project).map((f) => vscode.Uri.file(f).toString());
  const inWorkspace = (
    await vscode.workspace.findFiles(workspaceComposeFiles, '**/node_modules/**', 200)
  ).map((u) => u.toString());
  const params: ComposeDeclarationRequest.Params = {
    ...origin,
    candidates: [...new Set([...fromLabels, ...inWorkspace])],
  };
  const found = await client.sendRequest<ComposeDeclarationRequest.Result>(
    ComposeDeclarationRequest.method,
    params,
  );
  if (!found) return undefined;
  const { start, end } = found.range;
  return new vscode.Location(
    vscode.Uri.parse(found.uri),
    new vscode.Range(start.line, start.character, end.line, end.character),
  );
}
