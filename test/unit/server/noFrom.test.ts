// A Dockerfile without FROM yet (issue 14, section 1): the builder's error on the first
// instruction that needs a stage, every rule that needs no stage on every instruction, and the
// same findings from berth-lint and from the language server.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { bundle } from './bundle';
import { LspSession } from './lspSession';

const started = 'RUN apt-get install -y curl\nEXPOSE 80:80\n';

let dir: string;
let cli: string;
let lsp: LspSession;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-nofrom-'));
  cli = await bundle('cli');
  lsp = await LspSession.start(await bundle('server'));
});

after(() => {
  lsp?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** `rule line:column` (1-based) of every finding berth-lint reports on `text`. */
function fromCli(text: string): string[] {
  const file = path.join(dir, 'Dockerfile');
  fs.writeFileSync(file, text);
  const r = spawnSync(process.execPath, [cli, '--format', 'json', file], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  const records = JSON.parse(r.stdout) as Array<{ rule: string; line: number; column: number }>;
  return records.map((f) => `${f.rule} ${f.line}:${f.column}`);
}

async function fromEditor(text: string): Promise<string[]> {
  const uri = await lsp.open(text);
  const { params } = await lsp.waitFor(uri, () => true, Infinity);
  return params.diagnostics.map(
    (d) => `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}`,
  );
}

void test('no FROM: the builder error on the first instruction, and the other rules still run', () => {
  const found = fromCli(started);
  assert.deepEqual(
    found.filter((f) => f.startsWith('no-build-stage')),
    ['no-build-stage 1:1'],
  );
  for (const rule of ['apt-install-without-update', 'apt-install-recommends', 'expose-host-mapping'])
    assert.ok(
      found.some((f) => f.startsWith(`${rule} `)),
      `${rule} must run without a FROM: ${found.join(', ')}`,
    );
  const record = JSON.parse(
    spawnSync(process.execPath, [cli, '--format', 'json', path.join(dir, 'Dockerfile')], { encoding: 'utf8' })
      .stdout,
  ) as Array<{ rule: string; message: string; severity: string }>;
  const error = record.find((f) => f.rule === 'no-build-stage');
  assert.equal(error?.severity, 'error');
  assert.match(error?.message ?? '', /^no build stage in current context: /);
});

void test('ARGs before the first FROM are fine; the first other instruction gets the error', () => {
  const found = fromCli('ARG BASE=debian:12\nARG V\nLABEL v=$V\nENV A=1\nFROM ${BASE}\nRUN true\n');
  assert.deepEqual(
    found.filter((f) => f.startsWith('no-build-stage')),
    ['no-build-stage 3:1'],
  );
});

void test('the editor reports exactly what berth-lint reports', async () => {
  for (const text of [started, 'ARG V\nWORKDIR app\nCMD run\nCMD again\nFROM alpine:3.20\n']) {
    const cliFindings = fromCli(text);
    assert.deepEqual(await fromEditor(text), cliFindings);
    assert.ok(cliFindings.some((f) => f.startsWith('no-build-stage')));
  }
});
