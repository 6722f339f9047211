// Dockerfile language features over real LSP, Berth beside the peer Container Tools ships
// (dockerfile-language-server-nodejs), in the same run: both servers run over stdio with the
// same documents and the same requests. On the 200-line file each request follows an edit, as
// in an editor, so each answer includes parsing the new version: completion after each typed
// character, document symbols and folding ranges after a space typed and taken back. Then
// Format Document on every corpus file, one request per file. Figures and ratios only.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspSession } from '../test/unit/server/lspSession';
import { bundledServer, percentile, twoHundredLines, twoHundredLineSource } from './lib/lspServer';
import { recordFigure } from './lib/summary';

const root = path.resolve(__dirname, '..');
const corpus = path.resolve(root, '..', 'shared', 'corpus', 'real');
const source = path.basename(twoHundredLineSource);
const peerServer = path.join(root, 'node_modules', 'dockerfile-language-server-nodejs', 'lib', 'server.js');
const peerName = 'dockerfile-language-server-nodejs';
const snippets = { textDocument: { completion: { completionItem: { snippetSupport: true } } } };

interface Timings {
  completion: number[];
  symbols: number[];
  folding: number[];
}

/** What is typed, one character at a time, on a new line in the middle of the file. */
const typed = 'RUN --mount=type=cache,target=/root/.cache echo $PG_MAJOR ${PG_VERSION}';
const line = 100;

async function time<T>(request: () => Promise<T>): Promise<number> {
  const start = performance.now();
  await request();
  return performance.now() - start;
}

async function measureFile(lsp: LspSession, text: string, rounds: number): Promise<Timings> {
  const uri = await lsp.open(text);
  const td = { textDocument: { uri } };
  const timings: Timings = { completion: [], symbols: [], folding: [] };
  await lsp.request('textDocument/documentSymbol', td);
  for (let round = 0; round < rounds; round++) {
    await lsp.change(uri, {
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      text: '\n',
    });
    for (let i = 0; i < typed.length; i++) {
      const at = { line, character: i };
      await lsp.change(uri, { range: { start: at, end: at }, text: typed[i] });
      const position = { line, character: i + 1 };
      timings.completion.push(await time(() => lsp.request('textDocument/completion', { ...td, position })));
      // A space typed and taken back: two more versions, each asked for its outline or folds.
      await lsp.change(uri, { range: { start: position, end: position }, text: ' ' });
      timings.symbols.push(await time(() => lsp.request('textDocument/documentSymbol', td)));
      await lsp.change(uri, { range: { start: position, end: { line, character: i + 2 } }, text: '' });
      timings.folding.push(await time(() => lsp.request('textDocument/foldingRange', td)));
    }
    await lsp.change(uri, {
      range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } },
      text: '',
    });
  }
  return timings;
}

/**
 * Format Document on every corpus file, all opened first and linted (both servers lint what is
 * opened: that work is not charged to formatting); the wall time of the requests.
 */
async function formatCorpus(lsp: LspSession, files: string[]): Promise<{ ms: number; edits: number }> {
  const uris = [];
  for (const file of files) uris.push(await lsp.open(fs.readFileSync(file, 'utf8')));
  for (const uri of uris) await lsp.waitFor(uri, () => true, Infinity);
  const options = { tabSize: 4, insertSpaces: true };
  // One warm-up pass, so neither side is charged for compiling its formatter.
  for (const uri of uris.slice(0, 20))
    await lsp.request('textDocument/formatting', { textDocument: { uri }, options });
  let edits = 0;
  const start = performance.now();
  for (const uri of uris) {
    const result = await lsp.request<unknown[]>('textDocument/formatting', {
      textDocument: { uri },
      options,
    });
    edits += result.length;
  }
  return { ms: performance.now() - start, edits };
}

function line2(name: string, ours: number[], peer: number[]): string {
  const f = (ms: number[], p: number) => percentile(ms, p).toFixed(1).padStart(6);
  return `${name.padEnd(18)} Berth p50 ${f(ours, 50)} ms, p95 ${f(ours, 95)} ms   peer p50 ${f(peer, 50)} ms, p95 ${f(peer, 95)} ms  (n=${ours.length})`;
}

async function main(): Promise<void> {
  const file = twoHundredLineSource;
  if (!fs.existsSync(file) || !fs.existsSync(peerServer)) {
    console.log(`skipped: ${fs.existsSync(file) ? peerServer : file} is absent`);
    return;
  }
  const text = twoHundredLines(fs.readFileSync(file, 'utf8'));
  const berth = await LspSession.start(await bundledServer(), { capabilities: snippets });
  const peer = await LspSession.start(peerServer, { capabilities: snippets });
  try {
    // Alternate the servers round by round, so that the machine's load falls on both alike.
    const ours: Timings = { completion: [], symbols: [], folding: [] };
    const theirs: Timings = { completion: [], symbols: [], folding: [] };
    for (let round = 0; round < 4; round++) {
      for (const [session, into] of [
        [berth, ours],
        [peer, theirs],
      ] as const) {
        const t = await measureFile(session, text, 1);
        into.completion.push(...t.completion);
        into.symbols.push(...t.symbols);
        into.folding.push(...t.folding);
      }
    }
    console.log(`200-line file (${source}), load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
    console.log(line2('completion', ours.completion, theirs.completion));
    console.log(line2('document symbols', ours.symbols, theirs.symbols));
    console.log(line2('folding ranges', ours.folding, theirs.folding));
    const targets = { completion: '< 20 ms', symbols: '< 10 ms', folding: '< 10 ms' };
    const names = { completion: 'completion', symbols: 'document symbols', folding: 'folding ranges' };
    for (const key of ['completion', 'symbols', 'folding'] as const) {
      recordFigure({
        bench: 'language',
        figure: `200-line file, ${names[key]} after an edit p95`,
        value: percentile(ours[key], 95),
        unit: 'ms',
        peer: peerName,
        peerValue: percentile(theirs[key], 95),
        target: targets[key],
      });
    }
    const files = fs
      .readdirSync(corpus)
      .sort()
      .map((n) => path.join(corpus, n));
    const formatted = { berth: [] as number[], peer: [] as number[] };
    let edits = { berth: 0, peer: 0 };
    for (let round = 0; round < 3; round++) {
      const b = await formatCorpus(berth, files);
      const p = await formatCorpus(peer, files);
      formatted.berth.push(b.ms);
      formatted.peer.push(p.ms);
      edits = { berth: b.edits, peer: p.edits };
    }
    const median = (v: number[]) => percentile(v, 50);
    console.log(
      `Format Document on ${files.length} corpus files: Berth ${median(formatted.berth).toFixed(0)} ms (${edits.berth} edits), peer ${median(formatted.peer).toFixed(0)} ms (${edits.peer} edits), ${(median(formatted.peer) / median(formatted.berth)).toFixed(1)}x`,
    );
    recordFigure({
      bench: 'language',
      figure: `Format Document on ${files.length} corpus files, one request each`,
      value: median(formatted.berth),
      unit: 'ms',
      peer: peerName,
      peerValue: median(formatted.peer),
      target: 'faster than the peer',
    });
  } finally {
    berth.dispose();
    peer.dispose();
  }
}

void main();
