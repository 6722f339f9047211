// Language server benchmark: starts dist/server/server.js over stdio as a client would, opens every
// Dockerfile of ../shared/corpus/real, waits until each has its diagnostics, then prints the time
// that took and the server's memory: RSS (now and peak) from /proc, and the V8 heap from the
// diagnostic report Node writes on a signal (no inspector, no change to the server).
//
//   node --import tsx bench/server-memory.ts [--corpus DIR]
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as delay } from 'node:timers/promises';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';
import { recordFigure } from './lib/summary';

const repoRoot = path.resolve(__dirname, '..');
const serverPath = path.join(repoRoot, 'dist', 'server', 'server.js');

interface PublishDiagnosticsParams {
  uri: string;
  diagnostics: unknown[];
}

interface Memory {
  rssKb: number;
  peakRssKb: number;
  heapUsedKb?: number;
  heapTotalKb?: number;
}

function corpusDir(): string {
  const index = process.argv.indexOf('--corpus');
  return index > 0
    ? path.resolve(process.argv[index + 1])
    : path.resolve(repoRoot, '..', 'shared', 'corpus', 'real');
}

function corpusFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((entry) => path.join(dir, entry))
    .filter((file) => statSync(file).isFile())
    .sort();
}

/** VmRSS and VmHWM (peak) of `pid`, in KB, from /proc. */
function procMemory(pid: number): Pick<Memory, 'rssKb' | 'peakRssKb'> {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKb: field('VmRSS'), peakRssKb: field('VmHWM') };
}

/** The server's V8 heap, from the report Node writes on SIGUSR2 (see --report-on-signal). */
async function heapMemory(
  pid: number,
  reportDir: string,
): Promise<Pick<Memory, 'heapUsedKb' | 'heapTotalKb'>> {
  const before = new Set(readdirSync(reportDir));
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const report = readdirSync(reportDir).find((name) => !before.has(name) && name.endsWith('.json'));
    if (report) {
      try {
        const parsed = JSON.parse(readFileSync(path.join(reportDir, report), 'utf8')) as {
          javascriptHeap: { usedMemory: number; totalMemory: number };
        };
        return {
          heapUsedKb: parsed.javascriptHeap.usedMemory / 1024,
          heapTotalKb: parsed.javascriptHeap.totalMemory / 1024,
        };
      } catch {
        // Still being written.
      }
    }
    await delay(50);
  }
  return {};
}

async function memoryOf(child: ChildProcess, reportDir: string): Promise<Memory> {
  const pid = child.pid ?? NaN;
  return { ...procMemory(pid), ...(await heapMemory(pid, reportDir)) };
}

const mb = (kb: number | undefined) => (kb === undefined ? '?' : `${(kb / 1024).toFixed(1)} MB`);

function describe(memory: Memory): string {
  return `RSS ${mb(memory.rssKb)} (peak ${mb(memory.peakRssKb)}), heap used ${mb(memory.heapUsedKb)} (no forced GC) of ${mb(memory.heapTotalKb)}`;
}

interface Pass {
  elapsedMs: number;
  findings: number;
  missing: number;
}

/** Sends one notification per document and waits until every one of them has new diagnostics. */
class DiagnosticsWaiter {
  private pending = new Set<string>();
  private findings = 0;
  private done: () => void = () => undefined;

  constructor(connection: MessageConnection) {
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      if (!this.pending.delete(params.uri)) return;
      this.findings += params.diagnostics.length;
      if (this.pending.size === 0) this.done();
    });
  }

  async pass<T extends { uri: string }>(documents: T[], send: (document: T) => Promise<void>): Promise<Pass> {
    this.pending = new Set(documents.map(({ uri }) => uri));
    this.findings = 0;
    const finished = new Promise<void>((resolve) => (this.done = resolve));
    const started = performance.now();
    for (const document of documents) await send(document);
    const timeout = setTimeout(() => this.done(), 120_000);
    await finished;
    clearTimeout(timeout);
    return { elapsedMs: performance.now() - started, findings: this.findings, missing: this.pending.size };
  }
}

const row = (label: string, text: string) => console.log(`  ${`${label}:`.padEnd(19)} ${text}`);

function describePass(pass: Pass, files: number): string {
  const missing = pass.missing ? ` (${pass.missing} not diagnosed within 120 s)` : '';
  return `${files - pass.missing} diagnosed in ${pass.elapsedMs.toFixed(0)} ms, ${pass.findings} findings${missing}`;
}

async function initialize(connection: MessageConnection, rootUri: string): Promise<void> {
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    capabilities: {},
    initializationOptions: { locale: 'en' },
  });
  await connection.sendNotification('initialized', {});
}

async function main(): Promise<void> {
  const dir = corpusDir();
  if (!existsSync(dir)) {
    console.log(`server memory bench skipped: no corpus at ${dir}`);
    return;
  }
  if (!existsSync(serverPath)) {
    console.log(`server memory bench skipped: ${serverPath} is missing (run npm run build)`);
    return;
  }
  const files = corpusFiles(dir);
  const reportDir = mkdtempSync(path.join(tmpdir(), 'berth-bench-report-'));
  const child = spawn(
    process.execPath,
    [
      '--report-on-signal',
      '--report-signal=SIGUSR2',
      `--report-directory=${reportDir}`,
      serverPath,
      '--stdio',
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  // Node announces each report on stderr; anything else there is shown if the bench fails.
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout),
    new StreamMessageWriter(child.stdin),
  );
  try {
    connection.onRequest(() => null);
    const diagnostics = new DiagnosticsWaiter(connection);
    connection.listen();
    await initialize(connection, pathToFileURL(dir).href);
    await delay(500);
    const idle = await memoryOf(child, reportDir);

    const documents = files.map((file) => ({
      uri: pathToFileURL(file).href,
      text: readFileSync(file, 'utf8'),
    }));
    const opened = await diagnostics.pass(documents, async ({ uri, text }) =>
      connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'dockerfile', version: 1, text },
      }),
    );
    const loaded = await memoryOf(child, reportDir);
    // The same texts again as a full-content edit: the warm path a user's typing takes.
    const edited = await diagnostics.pass(documents, async ({ uri, text }) =>
      connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text }],
      }),
    );
    const relinted = await memoryOf(child, reportDir);

    const bytes = documents.reduce((sum, { text }) => sum + Buffer.byteLength(text), 0);
    console.log(`load average ${loadavg()[0].toFixed(1)} on this machine`);
    console.log(
      `language server (${path.relative(repoRoot, serverPath)} --stdio on Node ${process.versions.node})`,
    );
    row('after initialize', describe(idle));
    console.log(`  ${files.length} files (${(bytes / 1024).toFixed(0)} KB) from ${dir}`);
    row('open all (cold)', describePass(opened, files.length));
    row('corpus open', describe(loaded));
    row('change all (warm)', describePass(edited, files.length));
    row('after relinting', describe(relinted));
    const record = (figure: string, value: number, unit: string) =>
      recordFigure({ bench: 'server-memory', figure, value, unit });
    record(`Language server: lint ${files.length} corpus files (cold)`, opened.elapsedMs, 'ms');
    record('Language server RSS after linting the corpus', loaded.rssKb / 1024, 'MB');
    record('Language server peak RSS', relinted.peakRssKb / 1024, 'MB');
    if (loaded.heapUsedKb !== undefined)
      record('Language server V8 heap used', loaded.heapUsedKb / 1024, 'MB');
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- server stderr ---\n${stderr}`, { cause: error });
  } finally {
    connection.dispose();
    child.kill();
    rmSync(reportDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
