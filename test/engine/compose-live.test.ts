// The live Compose rules against the real engine: networks, volumes and a container made with
// Compose's own labels through the Engine API (no compose binary), the facts the client sends,
// and the language server's diagnostics, lenses and declaration lookup over LSP.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type Docker from 'dockerode';
import type { CodeAction, CodeLens, Diagnostic } from 'vscode-languageserver-protocol';
import { ComposeDeclarationRequest, ComposeEngineNotification } from '../../common/compose';
import { isCreateNetworkArgs, networkSpec } from '../../client/src/compose/createSpec';
import { engineFacts } from '../../client/src/compose/facts';
import { AliasCache, loadSnapshot } from '../../client/src/engine/model/loader';
import type { EngineInfo } from '../../client/src/engine/model/snapshot';
import { createNetwork as createNetworkOperation } from '../../client/src/engine/operations/networks';
import {
  Tracker,
  createContainer,
  createNetwork,
  engine,
  freeSubnet,
  runId,
  testLabels,
  uniqueName,
} from '../harness/engine';
import { requireOrSkip } from '../harness/require';
import { bundle } from '../unit/server/bundle';
import { LspSession } from '../unit/server/lspSession';
import { connectCounted } from './connectCounted';

const tracker = new Tracker();
let docker: Docker;
let info: EngineInfo;
let skip: string | undefined;
let lsp: LspSession;
let dir: string;
let uri: string;
const project = `berthtest${runId.replace(/[^a-z0-9]/g, '')}`;
const missingName = uniqueName('ext');
let backId: string;
let hostPort: number;

async function freePort(): Promise<number> {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

async function sendFacts(): Promise<void> {
  const { snapshot } = await loadSnapshot(docker, info, new AliasCache());
  await lsp.notify(ComposeEngineNotification.method, { facts: engineFacts(snapshot) });
}

before(async () => {
  const live = await connectCounted({ count: 0 });
  if (!live.ok) {
    skip = live.reason;
    return;
  }
  ({ docker, info } = live);
  const subnet = await freeSubnet(7);
  const back = await createNetwork(tracker, {
    name: `${project}_back`,
    subnet,
    labels: { 'com.docker.compose.project': project, 'com.docker.compose.network': 'back' },
  });
  backId = back.id;
  await engine().createVolume({
    Name: `${project}_data`,
    Labels: { 'com.docker.compose.project': project, 'com.docker.compose.volume': 'data', ...testLabels() },
  });
  tracker.track('volume', `${project}_data`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-compose-'));
  const projectDir = path.join(dir, project);
  fs.mkdirSync(projectDir);
  const file = path.join(projectDir, 'compose.yaml');
  hostPort = await freePort();
  await createContainer(tracker, {
    start: true,
    networkMode: back.name,
    ports: [{ container: 80, host: hostPort }],
    labels: {
      'com.docker.compose.project': project,
      'com.docker.compose.service': 'web',
      'com.docker.compose.project.config_files': file,
      'com.docker.compose.project.working_dir': projectDir,
    },
  });
  fs.writeFileSync(
    file,
    [
      'services:',
      '  web:',
      '    image: busybox',
      `    ports: ["127.0.0.1:${hostPort}:80"]`,
      '    networks: [back]',
      '    volumes: [data:/data]',
      '  api:',
      '    image: busybox',
      `    ports: ["${hostPort}:81"]`,
      '    networks: [back, clash, ext]',
      'networks:',
      '  back:',
      '    ipam:',
      '      config:',
      `        - subnet: ${subnet}`,
      '  clash:',
      '    ipam:',
      '      config:',
      `        - subnet: ${subnet}`,
      '  ext:',
      '    external: true',
      `    name: ${missingName}`,
      'volumes:',
      '  data: {}',
      '',
    ].join('\n'),
  );
  lsp = await LspSession.start(await bundle('server'));
  uri = await lsp.openDocument(pathToFileURL(file).href, 'dockercompose', fs.readFileSync(file, 'utf8'));
});

after(async () => {
  lsp?.dispose();
  await engine()
    .getNetwork(missingName)
    .remove()
    .catch(() => undefined);
  await tracker.cleanup();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const byRule = (diagnostics: Diagnostic[], rule: string) =>
  diagnostics.filter((d) => d.code === rule).map((d) => d.range.start.line + 1);

void test("live rules: ports others hold, overlapping subnets, missing externals, never the project's own", async (t) => {
  if (!requireOrSkip(t, !skip, skip ?? '')) return;
  await sendFacts();
  const p = await lsp.waitFor(
    uri,
    (q) => q.diagnostics.some((d) => d.code === 'external-network-missing'),
    Infinity,
  );
  const diagnostics = p.params.diagnostics;
  assert.deepEqual(
    byRule(diagnostics, 'host-port-in-use'),
    [9],
    'api clashes with the web container; web itself does not',
  );
  assert.deepEqual(
    byRule(diagnostics, 'subnet-overlap'),
    [19],
    'clash overlaps back; back is the project network itself',
  );
  assert.deepEqual(byRule(diagnostics, 'external-network-missing'), [20]);

  const lenses = await lsp.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
  const titles = lenses.map((l) => `${l.range.start.line + 1}: ${l.command?.title ?? ''}`);
  assert.ok(
    titles.some((x) => /^12: 1 container attached · 10\.213\./.test(x)),
    titles.join(' | '),
  );
  assert.ok(titles.includes('16: not created yet'), titles.join(' | '));
  assert.ok(titles.includes('20: does not exist on the engine'), titles.join(' | '));
  assert.ok(titles.includes('24: used by 0 containers · local'), titles.join(' | '));
  assert.deepEqual(lenses.find((l) => l.range.start.line === 11)?.command?.arguments, [
    { kind: 'network', id: backId },
  ]);

  // The quick fix's arguments, run through the operation the client's command runs.
  const missing = diagnostics.find((d) => d.code === 'external-network-missing') as Diagnostic;
  const actions = await lsp.request<CodeAction[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: missing.range,
    context: { diagnostics: [missing] },
  });
  const args: unknown = actions.find((a) => a.isPreferred)?.command?.arguments?.[0];
  assert.ok(isCreateNetworkArgs(args));
  const { snapshot } = await loadSnapshot(docker, info, new AliasCache());
  await createNetworkOperation(docker, snapshot, networkSpec(args));
  // Only publications after these facts count: the one before any facts had no live rules either.
  const mark = lsp.mark(uri);
  await sendFacts();
  const after = await lsp.waitFor(
    uri,
    (q) => !q.diagnostics.some((d) => d.code === 'external-network-missing'),
    Infinity,
    mark,
  );
  assert.deepEqual(byRule(after.params.diagnostics, 'host-port-in-use'), [9]);
});

void test('the declaration of a Compose network, from the project its labels name', async (t) => {
  if (!requireOrSkip(t, !skip, skip ?? '')) return;
  const found = await lsp.request<ComposeDeclarationRequest.Result>(ComposeDeclarationRequest.method, {
    kind: 'network',
    project,
    key: 'back',
    candidates: [uri],
  });
  assert.deepEqual(found?.range.start, { line: 11, character: 2 });
});
