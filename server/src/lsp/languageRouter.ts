// vscode-languageserver keeps one handler per request method, the last one registered: two
// features registering the same method would silently switch one of them off. So each method is
// registered here once and answered by the feature set that owns the document: Compose for the
// Compose files, Dockerfile for every other document.
import type { Connection, ServerCapabilities } from 'vscode-languageserver/node';
import type { ComposeServer } from '../compose/language/server';
import type { DockerfileFeatures } from './dockerfileFeatures';

interface DocumentParams {
  textDocument: { uri: string };
}

export function routeLanguageRequests(
  connection: Connection,
  dockerfile: DockerfileFeatures,
  compose: ComposeServer,
): void {
  const composing = (params: DocumentParams): boolean => compose.owns(params.textDocument.uri);
  // Both file types answer these.
  connection.onCompletion((p) => (composing(p) ? compose.completion(p) : dockerfile.completion(p)));
  connection.onDocumentSymbol((p) =>
    composing(p) ? compose.documentSymbols(p) : dockerfile.documentSymbols(p),
  );
  connection.onDefinition((p) => (composing(p) ? compose.definition(p) : dockerfile.definition(p)));
  connection.onReferences((p) => (composing(p) ? compose.references(p) : dockerfile.references(p)));
  connection.onPrepareRename((p) => (composing(p) ? compose.prepareRename(p) : dockerfile.prepareRename(p)));
  connection.onRenameRequest((p) => (composing(p) ? compose.rename(p) : dockerfile.rename(p)));
  // Compose files only.
  connection.onCodeLens((p) => (composing(p) ? compose.codeLenses(p) : null));
  // Dockerfiles only: a Compose file is never folded, formatted or tokenized as a Dockerfile.
  connection.onDocumentHighlight((p) => (composing(p) ? null : dockerfile.highlights(p)));
  connection.onFoldingRanges((p) => (composing(p) ? null : dockerfile.foldingRanges(p)));
  connection.onDocumentFormatting((p) => (composing(p) ? null : dockerfile.formatting(p)));
  connection.onDocumentRangeFormatting((p) => (composing(p) ? null : dockerfile.rangeFormatting(p)));
  connection.onDocumentOnTypeFormatting((p) => (composing(p) ? null : dockerfile.onTypeFormatting(p)));
  connection.onDocumentLinks((p) => (composing(p) ? null : dockerfile.links(p)));
  connection.onSignatureHelp((p) => (composing(p) ? null : dockerfile.signatureHelp(p)));
  connection.languages.inlayHint.on((p) => (composing(p) ? null : dockerfile.inlayHints(p)));
  connection.languages.semanticTokens.on((p) => (composing(p) ? { data: [] } : dockerfile.semanticTokens(p)));
}

/**
 * One server declares what both file types offer: a provider either declares, with the union of
 * their options (completion trigger characters from both, a rename that prepares if either does).
 */
export function mergeCapabilities(a: ServerCapabilities, b: ServerCapabilities): ServerCapabilities {
  return mergeOption(a, b) as ServerCapabilities;
}

function mergeOption(a: unknown, b: unknown): unknown {
  if (a === undefined || a === false) return b;
  if (b === undefined || b === false) return a;
  if (Array.isArray(a) && Array.isArray(b)) return [...new Set([...(a as unknown[]), ...(b as unknown[])])];
  const objectA = isOptions(a);
  const objectB = isOptions(b);
  if (objectA && objectB) {
    const merged: Record<string, unknown> = {};
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      merged[key] = mergeOption(a[key], b[key]);
    return merged;
  }
  // `true` beside options: the options say more.
  if (objectB) return b;
  return a;
}

function isOptions(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
