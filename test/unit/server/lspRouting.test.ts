// One server answers Dockerfiles and Compose files over the same connection: each request method
// has one handler, and each file type gets its own answer from it, in one session.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type {
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Registration,
  RegistrationParams,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { featureServer, twoStages } from './lspFixtures';
import { LspSession } from './lspSession';

const server = featureServer();

const compose = [
  'services:', //         0
  '  web:', //            1
  '    image: x', //      2
  '    depends_on: [api]', // 3
  '    networks:', //     4
  '      - ', //          5
  '  api:', //            6
  '    image: y', //      7
  '    networks: [back]', // 8
  'networks:', //         9
  '  back: {}', //       10
  '',
].join('\n');

async function openBoth(): Promise<{ dockerfile: string; compose: string }> {
  return {
    dockerfile: await server.lsp.open(twoStages),
    compose: await server.lsp.openDocument('untitled:compose.yaml', 'dockercompose', compose),
  };
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);

void test('the declared capabilities hold both file types', () => {
  const capabilities = server.lsp.initializeResult?.capabilities;
  assert.ok(capabilities);
  const triggers = capabilities.completionProvider?.triggerCharacters ?? [];
  // `$` and `=` are the Dockerfile's, `[` is Compose's.
  for (const ch of ['$', '=', '[', ':', ' ']) assert.ok(triggers.includes(ch), `trigger ${ch}`);
  assert.equal(new Set(triggers).size, triggers.length);
  assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
  assert.ok(capabilities.codeLensProvider && capabilities.documentFormattingProvider);
});

void test('completion answers each file in its own terms', async () => {
  const uris = await openBoth();
  const stages = await server.lsp.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri: uris.dockerfile },
    position: { line: 9, character: 12 },
  });
  assert.ok(labels(stages).includes('build'), JSON.stringify(labels(stages)));
  const networks = await server.lsp.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri: uris.compose },
    position: { line: 5, character: 8 },
  });
  assert.deepEqual(labels(networks), ['back']);
});

void test('symbols: stages for the Dockerfile, sections for the Compose file', async () => {
  const uris = await openBoth();
  const symbols = (uri: string) =>
    server.lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  const stages = await symbols(uris.dockerfile);
  assert.deepEqual(
    stages.map((s) => s.name),
    ['ARG', 'build', 'test'],
  );
  assert.deepEqual(
    (await symbols(uris.compose)).map((s) => [s.name, s.children?.map((c) => c.name)]),
    [
      ['services', ['web', 'api']],
      ['networks', ['back']],
    ],
  );
});

void test('rename: a stage in the Dockerfile, a service in the Compose file', async () => {
  const uris = await openBoth();
  const stage = await server.lsp.request<WorkspaceEdit>('textDocument/rename', {
    textDocument: { uri: uris.dockerfile },
    position: { line: 9, character: 13 },
    newName: 'builder',
  });
  assert.deepEqual(
    stage.changes?.[uris.dockerfile]?.map((e) => [e.range.start.line, e.newText]),
    [
      [1, 'builder'],
      [7, 'builder'],
      [9, 'builder'],
    ],
  );
  const service = await server.lsp.request<WorkspaceEdit>('textDocument/rename', {
    textDocument: { uri: uris.compose },
    position: { line: 3, character: 18 },
    newName: 'backend',
  });
  assert.deepEqual(
    service.changes?.[uris.compose]?.map((e) => [e.range.start.line, e.newText]),
    [
      [3, 'backend'],
      [6, 'backend'],
    ],
  );
});

void test('Dockerfile-only requests leave a Compose file alone; code lenses only for Compose', async () => {
  const uris = await openBoth();
  const options = { tabSize: 2, insertSpaces: true };
  const format = (uri: string) =>
    server.lsp.request<TextEdit[] | null>('textDocument/formatting', { textDocument: { uri }, options });
  assert.equal(await format(uris.compose), null);
  const messy = await server.lsp.open('from alpine\n');
  assert.deepEqual(
    (await format(messy))?.map((e) => e.newText),
    ['FROM'],
  );
  const folds = (uri: string) =>
    server.lsp.request<FoldingRange[] | null>('textDocument/foldingRange', { textDocument: { uri } });
  assert.equal(await folds(uris.compose), null);
  assert.ok(((await folds(uris.dockerfile)) ?? []).length > 0);
  assert.equal(
    await server.lsp.request('textDocument/codeLens', { textDocument: { uri: uris.dockerfile } }),
    null,
  );
  assert.ok(
    Array.isArray(await server.lsp.request('textDocument/codeLens', { textDocument: { uri: uris.compose } })),
  );
});

void test('a client that registers dynamically gets the Dockerfile-only providers for Dockerfiles only', async () => {
  let received: (registrations: Registration[]) => void = () => undefined;
  const registered = new Promise<Registration[]>((resolve) => (received = resolve));
  const session = await LspSession.start(server.serverJs, {
    capabilities: {
      textDocument: {
        formatting: { dynamicRegistration: true },
        foldingRange: { dynamicRegistration: true },
        semanticTokens: {
          dynamicRegistration: true,
          requests: { full: true },
          tokenTypes: [],
          tokenModifiers: [],
          formats: ['relative'],
        },
      },
    },
    handlers: {
      'client/registerCapability': (params) => {
        const { registrations } = params as RegistrationParams;
        if (registrations.some((r) => r.method === 'textDocument/formatting')) received(registrations);
        return null;
      },
    },
  });
  try {
    const declared = session.initializeResult?.capabilities;
    assert.ok(declared);
    // Registered instead of declared; what the client cannot register stays declared.
    assert.equal(declared.documentFormattingProvider, undefined);
    assert.equal(declared.foldingRangeProvider, undefined);
    assert.equal(declared.semanticTokensProvider, undefined);
    assert.ok(declared.documentRangeFormattingProvider && declared.completionProvider);
    const registrations = await registered;
    assert.deepEqual(registrations.map((r) => r.method).sort(), [
      'textDocument/foldingRange',
      'textDocument/formatting',
      'textDocument/semanticTokens',
    ]);
    for (const registration of registrations) {
      const options = registration.registerOptions as { documentSelector: Array<{ language: string }> };
      assert.deepEqual(new Set(options.documentSelector.map((s) => s.language)), new Set(['dockerfile']));
    }
    const tokens = registrations.find((r) => r.method === 'textDocument/semanticTokens');
    assert.ok((tokens?.registerOptions as { legend?: unknown }).legend);
  } finally {
    session.dispose();
  }
});
