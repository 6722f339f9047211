import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ServerReadyNotification } from '../../common/protocol';

// Placeholder: answers and publishes an empty list until the rule engine lands.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({ capabilities: { textDocumentSync: TextDocumentSyncKind.Incremental } }));
connection.onInitialized(() => {
  void connection.sendNotification(ServerReadyNotification.method, { version: '0.1.0', ruleCount: 0 });
});
documents.onDidChangeContent(({ document }) => {
  void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});
documents.listen(connection);
connection.listen();
