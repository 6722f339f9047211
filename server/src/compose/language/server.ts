// The Compose half of the language server: diagnostics that follow the text and the engine, and
// the editing features. The requests Dockerfiles answer too are registered once, in lsp/, and
// routed here for the documents this server owns.
import type {
  CodeAction,
  CodeActionParams,
  CodeLens,
  CodeLensParams,
  CompletionItem,
  CompletionParams,
  Connection,
  DefinitionParams,
  DocumentSymbol,
  DocumentSymbolParams,
  Hover,
  HoverParams,
  Location,
  PrepareRenameParams,
  Range,
  ReferenceParams,
  RenameParams,
  TextDocuments,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ComposeDeclarationRequest, ComposeEngineNotification } from '../../../../common/compose';
import type { LintSettings } from '../../../../common/protocol';
import type { RuleLanguage } from '../../../../common/rules';
import { readComposeFile } from '../../workspace/compose';
import { composeCodeActions } from './codeActions';
import { composeCodeLenses } from './codeLens';
import { composeCompletion } from './completion';
import { findDeclaration } from './declaration';
import { composeDiagnostic } from './diagnostics';
import { composeHover } from './hover';
import { definition, prepareRename, references, rename, type Project } from './navigation';
import { composeSymbols } from './symbols';
import { ComposeWorkspace, filePath, type ComposeState } from './workspace';

export interface ComposeServerOptions {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  settings: () => LintSettings;
  lang: () => RuleLanguage;
  logError: (message: string) => void;
}

export class ComposeServer {
  private readonly workspace: ComposeWorkspace;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The id of the engine the facts are from, when the client has several. */
  private engine: string | undefined;

  constructor(private readonly o: ComposeServerOptions) {
    this.workspace = new ComposeWorkspace(
      (uri) => o.documents.get(uri),
      () => o.documents.all(),
      o.settings,
    );
    this.register();
  }

  /** Whether the document is a Compose file this server answers for. */
  owns(uri: string): boolean {
    return this.workspace.documentFor(uri) !== undefined;
  }

  schedule(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => this.publish(uri), 5),
    );
  }

  forget(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.workspace.forget(uri);
  }

  /** Settings changed: every open Compose file is linted again. */
  relintAll(): void {
    this.workspace.invalidate();
    for (const doc of this.o.documents.all()) if (this.owns(doc.uri)) this.schedule(doc.uri);
  }

  codeActions(params: CodeActionParams): CodeAction[] {
    const state = this.stateOf(params.textDocument.uri);
    return state
      ? composeCodeActions(
          params.textDocument.uri,
          state.file.lines,
          params.context.diagnostics,
          this.o.lang(),
        )
      : [];
  }

  hover(params: HoverParams): Hover | null {
    const state = this.stateOf(params.textDocument.uri);
    if (!state || !this.o.settings().enable) return null;
    return composeHover(state.findings, params.position, this.o.lang());
  }

  completion(params: CompletionParams): CompletionItem[] | null {
    const state = this.stateOf(params.textDocument.uri);
    if (!state) return null;
    return composeCompletion(
      { file: state.file, siblings: state.siblings, facts: this.workspace.facts, lang: this.o.lang() },
      params.position,
    );
  }

  definition(params: DefinitionParams): Location[] | null {
    const p = this.project(params.textDocument.uri);
    return p ? definition(p, params.position) : null;
  }

  references(params: ReferenceParams): Location[] | null {
    const p = this.project(params.textDocument.uri);
    return p ? references(p, params.position, params.context.includeDeclaration) : null;
  }

  prepareRename(params: PrepareRenameParams): { range: Range; placeholder: string } | null {
    const p = this.project(params.textDocument.uri);
    return p ? prepareRename(p, params.position) : null;
  }

  rename(params: RenameParams): WorkspaceEdit | null {
    const p = this.project(params.textDocument.uri);
    return p ? rename(p, params.position, params.newName) : null;
  }

  documentSymbols(params: DocumentSymbolParams): DocumentSymbol[] | null {
    const state = this.stateOf(params.textDocument.uri);
    return state ? composeSymbols(state.file) : null;
  }

  codeLenses(params: CodeLensParams): CodeLens[] | null {
    const state = this.stateOf(params.textDocument.uri);
    return state
      ? composeCodeLenses(state.file, state.projectName, this.workspace.facts, this.o.lang(), this.engine)
      : null;
  }

  private project(uri: string): Project | undefined {
    const state = this.stateOf(uri);
    return state ? { file: state.file, siblings: state.siblings } : undefined;
  }

  private stateOf(uri: string): ComposeState | undefined {
    const doc = this.workspace.documentFor(uri);
    return doc ? this.workspace.state(doc) : undefined;
  }

  private publish(uri: string): void {
    this.timers.delete(uri);
    const doc = this.workspace.documentFor(uri);
    if (!doc) return;
    try {
      const state = this.workspace.state(doc);
      const diagnostics = this.o.settings().enable
        ? state.findings.map((f) => composeDiagnostic(f, this.o.lang(), this.engine))
        : [];
      void this.o.connection.sendDiagnostics({ uri, version: state.version, diagnostics });
    } catch (err) {
      this.o.logError(
        `Berth: linting ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
    }
  }

  private register(): void {
    const { connection } = this.o;
    connection.onNotification(
      ComposeEngineNotification.method,
      (params: ComposeEngineNotification.Params) => {
        this.workspace.setFacts(params.facts ?? undefined);
        this.engine = params.engine;
        for (const doc of this.o.documents.all()) if (this.owns(doc.uri)) this.schedule(doc.uri);
        void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
      },
    );
    connection.onRequest(ComposeDeclarationRequest.method, (params: ComposeDeclarationRequest.Params) =>
      findDeclaration(
        params,
        (uri) => {
          const open = this.stateOf(uri);
          if (open) return open.file;
          const file = filePath(uri);
          return file ? readComposeFile(file) : undefined;
        },
        this.workspace.facts,
      ),
    );
  }
}

/** The capabilities the Compose features add to the server's. */
export const composeCapabilities = {
  completionProvider: { triggerCharacters: [':', ' ', '-', '['] },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: true,
  codeLensProvider: { resolveProvider: false },
};
