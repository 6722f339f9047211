// A minimal LSP client for the bundled language server over stdio: what an editor sends, and a
// record of every publishDiagnostics with the moment it arrived. Shared by tests and benches.
import { spawn, type ChildProcess } from 'node:child_process';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import type {
  ClientCapabilities,
  ConfigurationParams,
  InitializeResult,
  PublishDiagnosticsParams,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import {
  defaultInlayHintSettings,
  defaultLintSettings,
  type InlayHintSettings,
  type LintSettings,
} from '../../../common/protocol';

export interface Publication {
  params: PublishDiagnosticsParams;
  /** performance.now() when it was read. */
  at: number;
}

/** What the server announces in `berth/serverReady` once it has started. */
export interface ServerReady {
  version: string;
  ruleCount: number;
}

export interface LspSessionOptions {
  /** The client's display language, as VS Code sends it in initializationOptions. */
  locale?: string;
  /** What the server reads from the `berth.lint` section. */
  lintSettings?: LintSettings;
  /** How long the client takes to answer `workspace/configuration`, like a busy editor. */
  configurationDelayMs?: number;
  /** What the server reads from the `berth.inlayHints` section. */
  inlayHintSettings?: InlayHintSettings;
  /** Capabilities beyond `workspace.configuration`, e.g. snippet support. */
  capabilities?: ClientCapabilities;
  /** Answers the client gives to requests from the server, by method. */
  handlers?: Record<string, (params: unknown) => unknown>;
  /** Says the client answers `berth/engineImages`. */
  engineImages?: boolean;
}

export class LspSession {
  readonly published = new Map<string, Publication[]>();
  /** The server's `berth/serverReady` announcement, once it has come. */
  serverReady: ServerReady | undefined;
  /** What the server answered to `initialize`: its capabilities. */
  initializeResult: InitializeResult | undefined;
  /** How often the server asked the editor to fetch code lenses again. */
  codeLensRefreshes = 0;
  private readonly waiters: Array<() => void> = [];
  private readonly versions = new Map<string, number>();
  private opened = 0;
  /** What `workspace/configuration` answers for `berth.lint`. */
  private lintSettings: LintSettings = defaultLintSettings;

  private constructor(
    private readonly server: ChildProcess,
    private readonly rpc: MessageConnection,
  ) {}

  /** Starts `serverJs --stdio` and completes the initialize handshake. */
  static async start(serverJs: string, options: LspSessionOptions = {}): Promise<LspSession> {
    const server = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    if (!server.stdout || !server.stdin) throw new Error('the language server has no stdio pipes');
    const reader = new StreamMessageReader(server.stdout);
    // A message cut off by dispose() would otherwise re-arm vscode-jsonrpc's partial-message timer
    // every 10 s forever (the reader's dispose leaves it running), and the test process never exits.
    reader.partialMessageTimeout = 0;
    const rpc = createMessageConnection(reader, new StreamMessageWriter(server.stdin));
    const session = new LspSession(server, rpc);
    session.lintSettings = options.lintSettings ?? defaultLintSettings;
    rpc.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      const at = performance.now();
      session.published.set(params.uri, [...(session.published.get(params.uri) ?? []), { params, at }]);
      session.waiters.splice(0).forEach((wake) => wake());
    });
    rpc.onNotification('berth/serverReady', (ready: ServerReady) => {
      session.serverReady = ready;
    });
    rpc.onRequest('workspace/configuration', async (params: ConfigurationParams) => {
      if (options.configurationDelayMs) await new Promise((r) => setTimeout(r, options.configurationDelayMs));
      return params.items.map((item) =>
        item.section === 'berth.inlayHints'
          ? (options.inlayHintSettings ?? defaultInlayHintSettings)
          : item.section === 'berth.lint'
            ? session.lintSettings
            : null,
      );
    });
    rpc.onRequest('client/registerCapability', () => null);
    rpc.onRequest('workspace/codeLens/refresh', () => {
      session.codeLensRefreshes++;
      return null;
    });
    for (const [method, handler] of Object.entries(options.handlers ?? {})) rpc.onRequest(method, handler);
    rpc.listen();
    session.initializeResult = await rpc.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        ...options.capabilities,
        workspace: { ...options.capabilities?.workspace, configuration: true },
      },
      initializationOptions: { locale: options.locale ?? 'en', engineImages: options.engineImages },
    });
    await rpc.sendNotification('initialized', {});
    return session;
  }

  /** Changes the client's berth.lint settings as an editor does: the server is told, then pulls them. */
  async changeLintSettings(settings: LintSettings): Promise<void> {
    this.lintSettings = settings;
    await this.rpc.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** Opens `text` as an untitled document, or under `uri` when given (a file, for links). */
  async open(text: string, uri = `untitled:Dockerfile-${++this.opened}`): Promise<string> {
    this.versions.set(uri, 1);
    await this.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'dockerfile', version: 1, text },
    });
    return uri;
  }

  /** Opens a document under a URI and language id of the caller's choosing (Compose files). */
  async openDocument(uri: string, languageId: string, text: string): Promise<string> {
    this.versions.set(uri, 1);
    await this.rpc.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId, version: 1, text },
    });
    return uri;
  }

  /** A notification from the client, e.g. the engine facts for Compose files. */
  async notify(method: string, params: unknown): Promise<void> {
    await this.rpc.sendNotification(method, params);
  }

  /** Sends one incremental change; returns the new version and when it was handed to the pipe. */
  async change(
    uri: string,
    change: TextDocumentContentChangeEvent,
  ): Promise<{ version: number; at: number }> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    const at = performance.now();
    await this.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [change],
    });
    return { version, at };
  }

  /** A hover round trip: the server has handled everything sent before it once this resolves. */
  async hover(uri: string, position: { line: number; character: number }): Promise<unknown> {
    return this.request('textDocument/hover', { textDocument: { uri }, position });
  }

  /** Any request, e.g. `textDocument/codeAction`. */
  async request<R>(method: string, params: unknown): Promise<R> {
    return this.rpc.sendRequest<R>(method, params);
  }

  /** How many publications `uri` has had: pass it to `waitFor` to look only at later ones. */
  mark(uri: string): number {
    return (this.published.get(uri) ?? []).length;
  }

  /**
   * Resolves with the first publication for `uri` (from index `from`, see `mark`) that satisfies
   * `ok`, woken by each arrival; with `timeoutMs` Infinity it has no deadline of its own (the test
   * runner's applies).
   */
  waitFor(
    uri: string,
    ok: (p: PublishDiagnosticsParams) => boolean,
    timeoutMs = 10000,
    from = 0,
  ): Promise<Publication> {
    return new Promise((resolve, reject) => {
      const timer = Number.isFinite(timeoutMs)
        ? setTimeout(
            () => reject(new Error(`no matching diagnostics for ${uri} in ${timeoutMs} ms`)),
            timeoutMs,
          )
        : undefined;
      const check = (): void => {
        const hit = (this.published.get(uri) ?? []).slice(from).find((p) => ok(p.params));
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  /** The versions published for `uri`, in arrival order. */
  publishedVersions(uri: string): number[] {
    return (this.published.get(uri) ?? []).map((p) => p.params.version ?? 0);
  }

  /** Ends the session; the test process may exit at once, whatever the server is still doing. */
  dispose(): void {
    this.rpc.dispose();
    this.server.kill();
    this.server.stdin?.destroy();
    this.server.stdout?.destroy();
    this.server.unref();
  }
}
