// The contract every bench follows so that `npm run bench` can end with one table: when
// BERTH_BENCH_SUMMARY names a file, each figure is appended to it as one JSON line (JSON Lines,
// so several processes can write in turn). Without the variable, recording does nothing.
//
//   {"bench":"engine","figure":"Full model load","value":61.2,"unit":"ms",
//    "peer":"Container Tools client","peerValue":1202.5,"ratio":19.6,"target":">= 5x"}
//
// `ratio` is how many times better Berth is than the peer (peerValue / value for times and
// sizes); leave it out and the table computes it from peerValue. `target` is free text.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

export interface Figure {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  peer?: string;
  peerValue?: number;
  ratio?: number;
  target?: string;
}

export function recordFigure(figure: Figure): void {
  const file = process.env.BERTH_BENCH_SUMMARY;
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
}

function formatValue(value: number, unit: string): string {
  const digits = Number.isInteger(value) ? 0 : Math.abs(value) >= 100 ? 0 : 1;
  return `${value.toFixed(digits)} ${unit}`.trim();
}

/** The figures recorded in `file`, as an aligned text table; lines that do not parse are skipped. */
export function summaryTable(file: string): string {
  if (!existsSync(file)) return 'no figures were recorded';
  const figures: Figure[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      figures.push(JSON.parse(line) as Figure);
    } catch {
      // A bench killed mid-write leaves a partial line; the rest of the table still stands.
    }
  }
  if (figures.length === 0) return 'no figures were recorded';
  const rows = figures.map((f) => {
    const ratio = f.ratio ?? (f.peerValue !== undefined && f.value > 0 ? f.peerValue / f.value : undefined);
    return [
      f.bench,
      f.figure,
      formatValue(f.value, f.unit),
      f.peer ? `${f.peer}${f.peerValue !== undefined ? `: ${formatValue(f.peerValue, f.unit)}` : ''}` : '',
      ratio !== undefined ? `${ratio.toFixed(1)}x` : '',
      f.target ?? '',
    ];
  });
  const header = ['bench', 'figure', 'value', 'peer', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

if (process.argv[1]?.endsWith('summary.ts') && process.argv[2]) console.log(summaryTable(process.argv[2]));
