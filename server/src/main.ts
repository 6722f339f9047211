import {
  CodeActionKind,
  createConnection,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { version } from '../../package.json';
import {
  defaultInlayHintSettings,
  defaultLintSettings,
  ServerReadyNotification,
  type InlayHintSettings,
  type LintSettings,
  type ServerInitOptions,
} from '../../common/protocol';
import { findingsLanguage, type RuleLanguage } from '../../common/rules';
import { composeCapabilities, ComposeServer } from './compose/language/server';
import { codeActions } from './dockerfile/language/codeActions';
import { toDiagnostic } from './dockerfile/language/diagnostics';
import { hoverAt } from './dockerfile/language/hover';
import { DockerfileFeatures } from './lsp/dockerfileFeatures';
import { dockerfileOnlyRegistration } from './lsp/dockerfileOnly';
import { mergeCapabilities, routeLanguageRequests } from './lsp/languageRouter';
import { LintScheduler } from './lsp/lintScheduler';
import { lintInputWatchers, surroundingsOf } from './workspace/surroundings';
import { allRuleMeta } from './dockerfile/lint/registry';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
/** VS Code's display language, from initialize: what `berth.lint.language: auto` follows. */
let displayLocale: string | undefined;
/** The language findings, hovers and quick fixes speak now; follows berth.lint.language. */
let lang: RuleLanguage = 'en';
let settings: LintSettings = defaultLintSettings;
let hintSettings: InlayHintSettings = defaultInlayHintSettings;
let canPullConfiguration = false;
/** Whether the client watches files for the server (`workspace/didChangeWatchedFiles`). */
let canWatchFiles = false;
/** Whether it also watches folders outside the workspace, where the user's own config lives. */
let watchUserConfig = false;
/**
 * Lints wait until the client's berth.lint settings have first arrived: a file opened with the
 * workspace was otherwise published under the defaults, then again a moment later.
 */
let settingsArrived = false;
const reportedConfigErrors = new Set<string>();
const features = new DockerfileFeatures(connection, documents, {
  lang: () => lang,
  inlayHints: () => hintSettings,
});

const scheduler = new LintScheduler(
  5,
  (uri) => documents.get(uri),
  (uri) => {
    const { env, config, configError } = surroundingsOf(uri);
    if (configError && !reportedConfigErrors.has(configError)) {
      reportedConfigErrors.add(configError);
      void connection.window.showWarningMessage(`Berth: cannot use ${configError}`);
    }
    return { settings, config, env };
  },
  (doc, result) => {
    const diagnostics = settings.enable ? result.findings.map((f) => toDiagnostic(f, result.file, lang)) : [];
    void connection.sendDiagnostics({ uri: doc.uri, version: result.version, diagnostics });
  },
  (message) => connection.console.error(message),
);

// Compose files share the connection, the document store and the berth.lint settings.
const compose = new ComposeServer({
  connection,
  documents,
  settings: () => settings,
  lang: () => lang,
  logError: (message) => connection.console.error(message),
});

function isLintSettings(value: unknown): value is LintSettings {
  const v = value as Partial<LintSettings> | null;
  return (
    !!v && typeof v.enable === 'boolean' && Array.isArray(v.disabledRules) && typeof v.severity === 'object'
  );
}

function isInlayHintSettings(value: unknown): value is InlayHintSettings {
  const v = value as Partial<InlayHintSettings> | null;
  return !!v && typeof v.variables === 'boolean' && typeof v.workdir === 'boolean';
}

async function refreshSettings(): Promise<void> {
  if (canPullConfiguration) {
    try {
      const [lint, hints] = (await connection.workspace.getConfiguration([
        { section: 'berth.lint' },
        { section: 'berth.inlayHints' },
      ])) as unknown[];
      settings = isLintSettings(lint) ? lint : defaultLintSettings;
      lang = findingsLanguage(settings.language, displayLocale);
      hintSettings = isInlayHintSettings(hints) ? hints : defaultInlayHintSettings;
      features.refreshInlayHints();
    } catch (error) {
      // Linting with the defaults beats not linting at all.
      connection.console.error(`cannot read the berth settings: ${String(error)}`);
    }
  }
  settingsArrived = true;
  compose.relintAll();
  for (const doc of documents.all()) if (!compose.owns(doc.uri)) scheduler.schedule(doc.uri);
}

/** Registers, once the client is initialized, the providers that serve Dockerfiles only. */
let registerDockerfileOnly: (connection: Connection) => Promise<void> = () => Promise.resolve();

connection.onInitialize((params) => {
  const init = params.initializationOptions as Partial<ServerInitOptions> | undefined;
  displayLocale = init?.locale ?? params.locale;
  lang = findingsLanguage(undefined, displayLocale);
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  const watching = params.capabilities.workspace?.didChangeWatchedFiles;
  canWatchFiles = watching?.dynamicRegistration === true;
  watchUserConfig = watching?.relativePatternSupport === true;
  const dockerfileOnly = dockerfileOnlyRegistration(
    params.capabilities,
    features.capabilities(params.capabilities, init?.engineImages === true),
  );
  registerDockerfileOnly = dockerfileOnly.register;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      hoverProvider: true,
      ...mergeCapabilities(dockerfileOnly.declared, composeCapabilities),
    },
    serverInfo: { name: 'berth-dockerfile', version },
  };
});

connection.onInitialized(() => {
  registerDockerfileOnly(connection).catch((error: unknown) =>
    connection.console.error(`cannot register the Dockerfile features: ${String(error)}`),
  );
  void connection.sendNotification(ServerReadyNotification.method, {
    version,
    ruleCount: allRuleMeta.length,
  });
  if (canPullConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, {
      section: ['berth.lint', 'berth.inlayHints'],
    });
  }
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: lintInputWatchers(watchUserConfig),
    });
  }
  void refreshSettings();
});

connection.onDidChangeConfiguration(() => void refreshSettings());
// A .hadolint.yaml or .dockerignore changed on disk: every open Dockerfile is linted again with it,
// and a config that is broken now is said again.
connection.onDidChangeWatchedFiles(() => {
  if (!settingsArrived) return;
  reportedConfigErrors.clear();
  for (const doc of documents.all()) if (!compose.owns(doc.uri)) scheduler.schedule(doc.uri);
});
documents.onDidChangeContent(({ document }) => {
  if (!settingsArrived) return;
  if (compose.owns(document.uri)) compose.schedule(document.uri);
  else scheduler.schedule(document.uri);
});
documents.onDidClose(({ document }) => {
  scheduler.forget(document.uri);
  features.forget(document.uri);
  compose.forget(document.uri);
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

connection.onCodeAction((params) => {
  if (compose.owns(params.textDocument.uri)) return compose.codeActions(params);
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const { file, options } = scheduler.resultFor(doc);
  return codeActions(
    doc,
    file,
    params.context.diagnostics,
    lang,
    options.config?.disableIgnorePragma !== true,
  );
});

connection.onHover((params) => {
  if (compose.owns(params.textDocument.uri)) return compose.hover(params);
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const result = scheduler.resultFor(doc);
  const line = params.position.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return hoverAt(
    result.file,
    settings.enable ? result.findings : [],
    params.position,
    lang,
    lineText.replace(/\r?\n$/, ''),
  );
});

routeLanguageRequests(connection, features, compose);
documents.listen(connection);
connection.listen();
