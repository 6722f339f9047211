// The Compose features over LSP, as an editor uses them: stdio, real file URIs, the engine facts
// notification the client sends.
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  DocumentSymbol,
  Location,
  PublishDiagnosticsParams,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import {
  ComposeDeclarationRequest,
  ComposeEngineNotification,
  type EngineFacts,
} from '../../../common/compose';
import { bundle } from './bundle';
import { LspSession } from './lspSession';

let lsp: LspSession;
const fixture = path.resolve(__dirname, '..', '..', 'fixtures', 'compose', 'app', 'compose.yaml');

const facts = (networks: EngineFacts['networks']): EngineFacts => ({
  networks,
  volumes: [],
  ports: [],
  projects: [],
});

async function published(
  uri: string,
  ok: (p: PublishDiagnosticsParams) => boolean,
  from = 0,
): Promise<PublishDiagnosticsParams> {
  return (await lsp.waitFor(uri, ok, Infinity, from)).params;
}

const has = (rule: string) => (p: PublishDiagnosticsParams) => p.diagnostics.some((d) => d.code === rule);

before(async () => {
  lsp = await LspSession.start(await bundle('server'));
});

after(() => lsp?.dispose());

void test('a compose file on disk gets the static rules, as dockercompose or as yaml', async () => {
  const uri = await lsp.openDocument(
    pathToFileURL(fixture).href,
    'dockercompose',
    (await import('node:fs')).readFileSync(fixture, 'utf8'),
  );
  const p = await published(uri, has('missing-bind-source'));
  assert.ok(p.diagnostics.some((d) => d.code === 'port-not-exposed'));
  const yaml = await lsp.openDocument(
    'untitled:docker-compose.yml',
    'yaml',
    'services:\n  a:\n    image: x\n    networks: [nope]\n',
  );
  const y = await published(yaml, has('undeclared-network'));
  assert.equal(y.diagnostics.find((d) => d.code === 'undeclared-network')?.source, 'berth');
});

void test('an external network: missing on the engine, the Create quick fix, gone once the engine has it', async () => {
  const text =
    'services:\n  web:\n    image: x\n    networks: [shared]\nnetworks:\n  shared:\n    external: true\n    name: corp-net\n';
  const uri = await lsp.openDocument('untitled:compose.yaml', 'dockercompose', text);
  await lsp.notify(ComposeEngineNotification.method, { facts: facts([]) });
  const p = await published(uri, has('external-network-missing'));
  const diagnostic = p.diagnostics.find((d) => d.code === 'external-network-missing');
  assert.ok(diagnostic);
  const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic] },
  });
  const create = actions.find((a) => a.isPreferred);
  assert.equal(create?.title, 'Create network `corp-net`');
  assert.equal(create?.command?.command, 'berth.compose.createNetwork');
  assert.ok(
    actions.some(
      (a) => a.edit?.changes?.[uri]?.[0].newText === '  # berth ignore=external-network-missing\n',
    ),
  );
  const refreshes = lsp.codeLensRefreshes;
  const earlier = lsp.mark(uri);
  await lsp.notify(ComposeEngineNotification.method, {
    facts: facts([
      { id: 'abc', name: 'corp-net', driver: 'bridge', subnets: ['10.9.0.0/24'], containers: 2 },
    ]),
  });
  // A publication after the new facts; the file was also clean before any facts arrived.
  await published(uri, (q) => q.diagnostics.length === 0, earlier);
  assert.ok(
    lsp.codeLensRefreshes > refreshes,
    'the server asks for fresh code lenses when the engine changes',
  );
  const lenses = await lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, l.command?.arguments]),
    [[5, '2 containers attached · 10.9.0.0/24', 'berth.reveal', [{ kind: 'network', id: 'abc' }]]],
  ); // With several engines the client names the one the facts are from: the finding's source and
  // the lens's reveal say it.
  const single = lsp.mark(uri);
  await lsp.notify(ComposeEngineNotification.method, { facts: facts([]), engine: 'ci box' });
  const named = await published(uri, has('external-network-missing'), single);
  assert.equal(
    named.diagnostics.find((d) => d.code === 'external-network-missing')?.source,
    'berth · ci box',
  );
  const before = lsp.mark(uri);
  await lsp.notify(ComposeEngineNotification.method, {
    facts: facts([{ id: 'def', name: 'corp-net', driver: 'bridge', subnets: [], containers: 0 }]),
    engine: 'ci box',
  });
  await published(uri, (q) => q.diagnostics.length === 0, before);
  const onCi = await lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(onCi[0]?.command?.arguments, [{ kind: 'network', id: 'def', engine: 'ci box' }]);
});

void test('completion, definition, references, rename and the outline', async () => {
  const text = [
    'services:',
    '  web:',
    '    image: x',
    '    depends_on: [api]',
    '    networks:',
    '      - ',
    '  api:',
    '    image: y',
    '    networks: [back]',
    'networks:',
    '  back: {}',
    '  front: {}',
    '',
  ].join('\n');
  const uri = await lsp.openDocument('untitled:compose.dev.yaml', 'dockercompose', text);
  const items = await lsp.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri },
    position: { line: 5, character: 8 },
  });
  assert.deepEqual(
    items.map((i) => i.label),
    ['back', 'front'],
  );
  const services = await lsp.request<CompletionItem[]>('textDocument/completion', {
    textDocument: { uri },
    position: { line: 3, character: 18 },
  });
  assert.deepEqual(
    services.map((i) => i.label),
    ['api'],
  );
  const def = await lsp.request<Location[]>('textDocument/definition', {
    textDocument: { uri },
    position: { line: 8, character: 17 },
  });
  assert.deepEqual(
    def.map((l) => l.range.start),
    [{ line: 10, character: 2 }],
  );
  const refs = await lsp.request<Location[]>('textDocument/references', {
    textDocument: { uri },
    position: { line: 6, character: 3 },
    context: { includeDeclaration: true },
  });
  assert.deepEqual(
    refs.map((l) => l.range.start.line),
    [3, 6],
  );
  const edit = await lsp.request<WorkspaceEdit>('textDocument/rename', {
    textDocument: { uri },
    position: { line: 3, character: 18 },
    newName: 'backend',
  });
  assert.deepEqual(
    edit.changes?.[uri]?.map((e) => [e.range.start.line, e.newText]),
    [
      [3, 'backend'],
      [6, 'backend'],
    ],
  );
  const symbols = await lsp.request<DocumentSymbol[]>('textDocument/documentSymbol', {
    textDocument: { uri },
  });
  assert.deepEqual(
    symbols.map((s) => [s.name, s.children?.map((c) => c.name)]),
    [
      ['services', ['web', 'api']],
      ['networks', ['back', 'front']],
    ],
  );
});

void test('the declaration request finds the key in the project that declared it', async () => {
  const found = await lsp.request<ComposeDeclarationRequest.Result>(ComposeDeclarationRequest.method, {
    kind: 'network',
    project: 'app',
    key: 'front',
    candidates: [
      pathToFileURL(fixture).href,
      pathToFileURL(path.join(path.dirname(fixture), 'compose.override.yaml')).href,
    ],
  });
  assert.ok(found);
  assert.match(found.uri, /compose\.override\.yaml$/);
  assert.deepEqual(found.range.start, { line: 4, character: 2 });
  const elsewhere = await lsp.request<ComposeDeclarationRequest.Result>(ComposeDeclarationRequest.method, {
    kind: 'network',
    project: 'another-project',
    key: 'front',
    candidates: [pathToFileURL(path.join(path.dirname(fixture), 'compose.override.yaml')).href],
  });
  assert.equal(elsewhere, null);
});
