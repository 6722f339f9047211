// The features only Dockerfiles have. The client sends Compose files to the same server, so a
// provider declared statically would also be offered for them: Berth would show up as a YAML
// formatter (and make VS Code ask which formatter to use) or as the semantic token provider of a
// Compose file. Where the client registers providers dynamically, these are registered for the
// dockerfile language only; a client that cannot keeps them static, and the router answers
// nothing for a Compose file.
import {
  BulkRegistration,
  DocumentFormattingRequest,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  DocumentOnTypeFormattingRequest,
  DocumentRangeFormattingRequest,
  FoldingRangeRequest,
  InlayHintRequest,
  SemanticTokensRegistrationType,
  SignatureHelpRequest,
  type ClientCapabilities,
  type Connection,
  type DocumentSelector,
  type ServerCapabilities,
} from 'vscode-languageserver/node';

const dockerfiles: DocumentSelector = [
  { language: 'dockerfile', scheme: 'file' },
  { language: 'dockerfile', scheme: 'untitled' },
];

type TextCapabilities = NonNullable<ClientCapabilities['textDocument']>;

interface DockerfileOnly {
  /** The static capability it is declared as when the client cannot register it. */
  readonly key: keyof ServerCapabilities;
  dynamic(client: TextCapabilities): boolean | undefined;
  add(bulk: BulkRegistration, declared: ServerCapabilities): void;
}

/** The options the static capability carried, beside the document selector. */
function optionsOf(declared: ServerCapabilities, key: keyof ServerCapabilities): object {
  const value: unknown = declared[key];
  return typeof value === 'object' && value !== null ? value : {};
}

const features: DockerfileOnly[] = [
  {
    key: 'documentFormattingProvider',
    dynamic: (c) => c.formatting?.dynamicRegistration,
    add: (bulk) => bulk.add(DocumentFormattingRequest.type, { documentSelector: dockerfiles }),
  },
  {
    key: 'documentRangeFormattingProvider',
    dynamic: (c) => c.rangeFormatting?.dynamicRegistration,
    add: (bulk) => bulk.add(DocumentRangeFormattingRequest.type, { documentSelector: dockerfiles }),
  },
  {
    key: 'documentOnTypeFormattingProvider',
    dynamic: (c) => c.onTypeFormatting?.dynamicRegistration,
    add: (bulk, declared) => {
      const options = declared.documentOnTypeFormattingProvider;
      if (options)
        bulk.add(DocumentOnTypeFormattingRequest.type, { ...options, documentSelector: dockerfiles });
    },
  },
  {
    key: 'foldingRangeProvider',
    dynamic: (c) => c.foldingRange?.dynamicRegistration,
    add: (bulk) => bulk.add(FoldingRangeRequest.type, { documentSelector: dockerfiles }),
  },
  {
    key: 'documentHighlightProvider',
    dynamic: (c) => c.documentHighlight?.dynamicRegistration,
    add: (bulk) => bulk.add(DocumentHighlightRequest.type, { documentSelector: dockerfiles }),
  },
  {
    key: 'documentLinkProvider',
    dynamic: (c) => c.documentLink?.dynamicRegistration,
    add: (bulk, declared) =>
      bulk.add(DocumentLinkRequest.type, {
        ...optionsOf(declared, 'documentLinkProvider'),
        documentSelector: dockerfiles,
      }),
  },
  {
    key: 'signatureHelpProvider',
    dynamic: (c) => c.signatureHelp?.dynamicRegistration,
    add: (bulk, declared) =>
      bulk.add(SignatureHelpRequest.type, {
        ...optionsOf(declared, 'signatureHelpProvider'),
        documentSelector: dockerfiles,
      }),
  },
  {
    key: 'inlayHintProvider',
    dynamic: (c) => c.inlayHint?.dynamicRegistration,
    add: (bulk) => bulk.add(InlayHintRequest.type, { documentSelector: dockerfiles }),
  },
  {
    key: 'semanticTokensProvider',
    dynamic: (c) => c.semanticTokens?.dynamicRegistration,
    add: (bulk, declared) => {
      const options = declared.semanticTokensProvider;
      if (options)
        bulk.add(SemanticTokensRegistrationType.type, { ...options, documentSelector: dockerfiles });
    },
  },
];

/**
 * Splits the Dockerfile's capabilities into what is declared at initialize and what is
 * registered, for Dockerfiles only, once the client is initialized.
 */
export function dockerfileOnlyRegistration(
  client: ClientCapabilities,
  declared: ServerCapabilities,
): { declared: ServerCapabilities; register: (connection: Connection) => Promise<void> } {
  const text = client.textDocument ?? {};
  const dynamic = features.filter((f) => declared[f.key] !== undefined && f.dynamic(text) === true);
  const remaining: ServerCapabilities = { ...declared };
  for (const feature of dynamic) delete remaining[feature.key];
  return {
    declared: remaining,
    register: async (connection) => {
      if (dynamic.length === 0) return;
      const bulk = BulkRegistration.create();
      for (const feature of dynamic) feature.add(bulk, declared);
      await connection.client.register(bulk);
    },
  };
}
