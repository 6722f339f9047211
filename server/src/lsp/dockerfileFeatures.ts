// The Dockerfile language features as the server offers them: what it declares, and one method
// per request, each handing one parsed document to its module in dockerfile/language. The
// connection handlers that call them are registered once, in languageRouter.ts.
import {
  LSPErrorCodes,
  ResponseError,
  type ClientCapabilities,
  type CompletionItem,
  type CompletionParams,
  type Connection,
  type DefinitionParams,
  type DocumentFormattingParams,
  type DocumentHighlight,
  type DocumentHighlightParams,
  type DocumentLink,
  type DocumentLinkParams,
  type DocumentOnTypeFormattingParams,
  type DocumentRangeFormattingParams,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type FoldingRange,
  type FoldingRangeParams,
  type InlayHint,
  type InlayHintParams,
  type Location,
  type PrepareRenameParams,
  type PrepareRenameResult,
  type ReferenceParams,
  type RenameParams,
  type SemanticTokens,
  type SemanticTokensParams,
  type ServerCapabilities,
  type SignatureHelp,
  type SignatureHelpParams,
  type TextDocuments,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { EngineImagesRequest } from '../../../common/engineImages';
import type { InlayHintSettings } from '../../../common/protocol';
import type { RuleLanguage } from '../../../common/rules';
import { complete } from '../dockerfile/language/completion';
import type { DockerfileDocument } from '../dockerfile/language/document';
import { foldingRanges, type FoldingOptions } from '../dockerfile/language/folding';
import { Formatter } from '../dockerfile/language/formatting';
import { inlayHints } from '../dockerfile/language/inlayHints';
import { documentLinks } from '../dockerfile/language/links';
import { definition, highlights, references } from '../dockerfile/language/navigation';
import { prepareRename, rename } from '../dockerfile/language/rename';
import { semanticTokens, tokenLegend } from '../dockerfile/language/semanticTokens';
import { signatureHelp } from '../dockerfile/language/signatures';
import { documentSymbols } from '../dockerfile/language/symbols';
import { buildContextOf } from '../workspace/buildContext';
import { DocumentModels } from './documentModels';

/** Completion waits this long for the client's list of images, then goes on without them. */
const imagesTimeoutMs = 2000;

export interface FeatureSettings {
  lang(): RuleLanguage;
  inlayHints(): InlayHintSettings;
}

/** A refusal (rename) becomes an error the editor shows word for word. */
function orRefuse<T>(result: T | { refused: string }): T {
  if (typeof result === 'object' && result !== null && 'refused' in result)
    throw new ResponseError(LSPErrorCodes.RequestFailed, result.refused);
  return result;
}

export class DockerfileFeatures {
  private readonly models = new DocumentModels();
  private snippets = false;
  private folding: FoldingOptions = { lineFoldingOnly: false, rangeLimit: Number.MAX_SAFE_INTEGER };
  private askForImages = false;
  private canRefreshInlayHints = false;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: FeatureSettings,
  ) {}

  /** What the server offers, given what the client can do. */
  capabilities(client: ClientCapabilities, engineImages: boolean): ServerCapabilities {
    const text = client.textDocument;
    this.snippets = text?.completion?.completionItem?.snippetSupport === true;
    this.folding = {
      lineFoldingOnly: text?.foldingRange?.lineFoldingOnly === true,
      rangeLimit: text?.foldingRange?.rangeLimit ?? Number.MAX_SAFE_INTEGER,
    };
    this.askForImages = engineImages;
    this.canRefreshInlayHints = client.workspace?.inlayHint?.refreshSupport === true;
    return {
      completionProvider: { triggerCharacters: [' ', '$', '{', '-', '=', ',', ':'] },
      documentSymbolProvider: { label: 'Berth' },
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n', moreTriggerCharacter: ['\\', '`'] },
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      documentLinkProvider: { resolveProvider: false },
      signatureHelpProvider: { triggerCharacters: [' ', '[', ',', '='], retriggerCharacters: [','] },
      inlayHintProvider: true,
      semanticTokensProvider: { legend: tokenLegend, full: true },
    };
  }

  completion(params: CompletionParams): Promise<CompletionItem[]> {
    return this.with(params.textDocument.uri, Promise.resolve([]), (doc) =>
      complete(doc, params.position, {
        lang: this.settings.lang(),
        snippets: this.snippets,
        images: () => this.engineImages(),
      }),
    );
  }

  documentSymbols(params: DocumentSymbolParams): DocumentSymbol[] {
    return this.with(params.textDocument.uri, [], documentSymbols);
  }

  foldingRanges(params: FoldingRangeParams): FoldingRange[] {
    return this.with(params.textDocument.uri, [], (doc) => foldingRanges(doc, this.folding));
  }

  formatting(params: DocumentFormattingParams): TextEdit[] {
    return this.with(params.textDocument.uri, [], (doc) => new Formatter(doc, params.options).format());
  }

  rangeFormatting(params: DocumentRangeFormattingParams): TextEdit[] {
    return this.with(params.textDocument.uri, [], (doc) =>
      new Formatter(doc, params.options).format(params.range.start.line, params.range.end.line),
    );
  }

  onTypeFormatting(params: DocumentOnTypeFormattingParams): TextEdit[] {
    return this.with(params.textDocument.uri, [], (doc) =>
      new Formatter(doc, params.options).onType(params.position, params.ch),
    );
  }

  definition(params: DefinitionParams): Location[] {
    return this.with(params.textDocument.uri, [], (doc) => definition(doc, params.position));
  }

  references(params: ReferenceParams): Location[] {
    return this.with(params.textDocument.uri, [], (doc) =>
      references(doc, params.position, params.context.includeDeclaration),
    );
  }

  highlights(params: DocumentHighlightParams): DocumentHighlight[] {
    return this.with(params.textDocument.uri, [], (doc) => highlights(doc, params.position));
  }

  prepareRename(params: PrepareRenameParams): PrepareRenameResult | null {
    return this.with(params.textDocument.uri, null, (doc) =>
      orRefuse(prepareRename(doc, params.position, this.settings.lang())),
    );
  }

  rename(params: RenameParams): WorkspaceEdit | null {
    return this.with(params.textDocument.uri, null, (doc) => ({
      changes: { [doc.uri]: orRefuse(rename(doc, params.position, params.newName, this.settings.lang())) },
    }));
  }

  links(params: DocumentLinkParams): DocumentLink[] {
    return this.with(params.textDocument.uri, [], (doc) =>
      documentLinks(doc, buildContextOf(doc.uri), this.settings.lang()),
    );
  }

  signatureHelp(params: SignatureHelpParams): SignatureHelp | null {
    return this.with(params.textDocument.uri, null, (doc) =>
      signatureHelp(doc, params.position, this.settings.lang()),
    );
  }

  inlayHints(params: InlayHintParams): InlayHint[] {
    return this.with(params.textDocument.uri, [], (doc) =>
      inlayHints(doc, params.range, this.settings.inlayHints(), this.settings.lang()),
    );
  }

  semanticTokens(params: SemanticTokensParams): SemanticTokens {
    return this.with(params.textDocument.uri, { data: [] }, semanticTokens);
  }

  /** The inlay hint settings changed: the client asks for the hints again. */
  refreshInlayHints(): void {
    if (this.canRefreshInlayHints) void this.connection.languages.inlayHint.refresh();
  }

  forget(uri: string): void {
    this.models.forget(uri);
  }

  /** Runs `feature` on the document's model, or answers `none` for a document not open. */
  private with<T>(uri: string, none: T, feature: (doc: DockerfileDocument) => T): T {
    const doc = this.documents.get(uri);
    return doc ? feature(this.models.get(doc)) : none;
  }

  private async engineImages(): Promise<readonly EngineImagesRequest.Image[]> {
    if (!this.askForImages) return [];
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), imagesTimeoutMs);
    });
    try {
      const result = await Promise.race([this.connection.sendRequest(EngineImagesRequest.type), timeout]);
      return result?.images ?? [];
    } catch (error) {
      this.connection.console.warn(`The client did not list the engine's images: ${String(error)}`);
      return [];
    } finally {
      clearTimeout(timer);
    }
  }
}
