// Keystroke to diagnostics over real LSP: the language server bundled as shipped (esbuild,
// minified) runs over stdio; a 200-line corpus Dockerfile is opened and typed into with
// incremental didChange edits. Times didChange -> publishDiagnostics for that version, one
// keystroke at a time and as the last keystroke of a burst. Figures only.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspSession } from '../test/unit/server/lspSession';
import { bundledServer, percentile, twoHundredLines, twoHundredLineSource } from './lib/lspServer';
import { recordFigure } from './lib/summary';

const source = path.basename(twoHundredLineSource);

function summary(name: string, ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number): number => percentile(ms, p);
  return `${name.padEnd(34)} p50 ${at(50).toFixed(1)} ms, p95 ${at(95).toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms (n=${ms.length})`;
}

async function main(): Promise<void> {
  const file = twoHundredLineSource;
  if (!fs.existsSync(file)) {
    console.log(`skipped: ${file} is absent`);
    return;
  }
  const lsp = await LspSession.start(await bundledServer());
  try {
    const uri = await lsp.open(twoHundredLines(fs.readFileSync(file, 'utf8')));
    await lsp.waitFor(uri, (p) => p.version === 1);
    const typed = 'RUN apt-get install -y curl';
    const line = 100;
    const single: number[] = [];
    const bursts: number[] = [];
    let stale = 0;
    let sent = 0;
    for (let round = 0; round < 4; round++) {
      // One keystroke at a time, each answered before the next: typing, then backspacing.
      for (let i = 0; i <= typed.length; i++) {
        const at = { line, character: i };
        const text = i < typed.length ? typed[i] : '\n';
        const { version, at: sentAt } = await lsp.change(uri, { range: { start: at, end: at }, text });
        single.push((await lsp.waitFor(uri, (p) => p.version === version)).at - sentAt);
      }
      for (let i = typed.length; i >= 0; i--) {
        const range =
          i === typed.length
            ? { start: { line, character: i }, end: { line: line + 1, character: 0 } }
            : { start: { line, character: i }, end: { line, character: i + 1 } };
        const { version, at: sentAt } = await lsp.change(uri, { range, text: '' });
        single.push((await lsp.waitFor(uri, (p) => p.version === version)).at - sentAt);
      }
      // The same text as one burst: only the last keystroke's diagnostics matter.
      const before = lsp.publishedVersions(uri).length;
      let last = { version: 0, at: 0 };
      for (let i = 0; i < typed.length; i++) {
        const at = { line, character: i };
        last = await lsp.change(uri, { range: { start: at, end: at }, text: typed[i] });
      }
      bursts.push((await lsp.waitFor(uri, (p) => p.version === last.version)).at - last.at);
      stale += typed.length - (lsp.publishedVersions(uri).length - before);
      sent += typed.length;
      const undo = { start: { line, character: 0 }, end: { line, character: typed.length } };
      const cleared = await lsp.change(uri, { range: undo, text: '' });
      await lsp.waitFor(uri, (p) => p.version === cleared.version);
    }
    const versions = lsp.publishedVersions(uri);
    const backwards = versions.filter((v, i) => i > 0 && v < versions[i - 1]).length;
    console.log(`200-line file (${source}), load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
    console.log(summary('keystroke -> diagnostics', single));
    console.log(summary('last keystroke of a burst ->', bursts));
    console.log(`bursts: ${stale} of ${sent} intermediate versions skipped; older after newer: ${backwards}`);
    for (const p of [50, 95])
      recordFigure({
        bench: 'keystroke',
        figure: `200-line file, keystroke to diagnostics p${p}`,
        value: percentile(single, p),
        unit: 'ms',
        target: '<= 50 ms',
      });
  } finally {
    lsp.dispose();
  }
}

void main();
