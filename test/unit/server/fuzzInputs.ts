// Hostile inputs for the parser and the rules: mutated corpus files, random text and hand-made
// extremes. Seeded, so that the suite and bench/fuzz.ts see the same inputs on every run.

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tricky = [
  '\\\n',
  '\\',
  '`\n',
  '<<EOF\n',
  '<<-"END"\n',
  'EOF\n',
  '\tEND\n',
  '[',
  ']',
  '"',
  "'",
  '${A:-${B:+',
  '}',
  '$',
  '$$',
  '# escape=`\n',
  '# check=skip=all;error=true\n',
  '# hadolint ignore=DL3006\n',
  'ONBUILD ',
  'ONBUILD ONBUILD ',
  '--from=',
  '--mount=type=cache,target=/x ',
  'FROM ',
  'RUN ',
  'COPY ',
  'VOLUME ',
  'EXPOSE 80:80/UDP ',
  'HEALTHCHECK ',
  'ENV ',
  'ARG ',
  ' AS ',
  '\t',
  '\r\n',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '&&',
  '|',
  ';',
  '>',
  '(',
  ')',
  '#',
  '\n\n',
  'apt-get install ',
  'cd /x',
  'chmod 777 ',
  'WORKDIR a\n',
];

export function mutate(source: string, next: () => number): string {
  let s = source;
  const steps = 1 + Math.floor(next() * 6);
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(next() * (s.length + 1));
    const len = Math.floor(next() * 40);
    const op = Math.floor(next() * 4);
    if (op === 0) s = s.slice(0, at) + s.slice(at + len);
    else if (op === 1) s = s.slice(0, at) + tricky[Math.floor(next() * tricky.length)] + s.slice(at);
    else if (op === 2)
      s = s.slice(0, at) + s.slice(at, at + len).repeat(2 + Math.floor(next() * 3)) + s.slice(at);
    else s = s.slice(0, at) + String.fromCharCode(Math.floor(next() * 0x3000)) + s.slice(at);
  }
  return s;
}

export function randomText(next: () => number, length: number): string {
  const codes = new Array<number>(length);
  for (let i = 0; i < length; i++) codes[i] = next() < 0.1 ? 10 : Math.floor(next() * 0x10000);
  return String.fromCharCode(...codes);
}

/** Random bytes read as UTF-8, as when a binary file is opened as a Dockerfile. */
export function randomBytes(next: () => number, length: number): string {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(next() * 256);
  return bytes.toString('utf8');
}

/** Repeats `unit` until the text reaches about `size` characters. */
function fill(head: string, unit: string, size: number): string {
  return head + unit.repeat(Math.ceil((size - head.length) / unit.length));
}

/**
 * Inputs built to reach the worst case of each part of the parser and the rules, most of them
 * `size` characters long (1 MB for the bench; the suite uses less to stay quick).
 */
export function extremes(size = 1 << 20): Record<string, string> {
  const fillTo = (head: string, unit: string): string => fill(head, unit, size);
  return {
    'enormous line': 'FROM a:1\nRUN ' + 'x '.repeat(300000) + '\n',
    'enormous line of one word': 'FROM a:1\nRUN ' + 'x'.repeat(size) + '\n',
    'deep continuation': 'FROM a:1\nRUN a' + ' \\\n b'.repeat(20000) + '\n',
    'deep continuation to full size': fillTo('FROM a:1\nRUN a', ' \\\n  > /data/b'),
    'continuation with comments inside': fillTo('FROM a:1\nRUN a', ' \\\n# c\n\n b'),
    'only continuations': '\\\n'.repeat(50000),
    'unterminated heredoc': 'FROM a:1\nRUN <<EOF <<EOF2\n' + 'echo\n'.repeat(10000),
    'unterminated heredoc, 30k lines': 'FROM a:1\nRUN <<EOF\n' + 'echo > /x/y\n'.repeat(30000),
    'heredoc, 30k lines': 'FROM a:1\nVOLUME /x\nRUN <<EOF\n' + 'echo > /x/y\n'.repeat(30000) + 'EOF\n',
    'heredoc body that is one enormous line': 'FROM a:1\nRUN <<EOF\n' + 'a'.repeat(size) + '\nEOF\n',
    'many unterminated heredocs on one line':
      'FROM a:1\nRUN ' + Array.from({ length: 5000 }, (_, i) => `<<E${i}`).join(' ') + '\nx\n',
    'unterminated JSON': 'FROM a:1\nCMD ["a", "b' + ', "c'.repeat(20000) + '\n',
    'JSON array of 100k strings': 'FROM a:1\nCMD [' + '"a",'.repeat(100000) + '"b"]\n',
    'nested variables': 'FROM scratch\nENV A=' + '${A:-'.repeat(20000) + '\n',
    'nested variables in RUN': 'FROM scratch\nARG A\nRUN echo ' + '${A:-'.repeat(50000) + '\n',
    'unclosed braces': 'FROM scratch\nARG A\nRUN echo ' + '${A'.repeat(50000) + '\n',
    'nested command substitution': 'FROM a:1\nRUN echo ' + '$('.repeat(50000) + '\n',
    'many redirects': 'FROM a:1\nVOLUME /v\nRUN ' + 'echo 1 > /v/a; '.repeat(40000) + '\n',
    'many quotes': 'FROM a:1\nRUN ' + `'a' "b" `.repeat(60000) + '\n',
    'unclosed quote': 'FROM a:1\nRUN echo "' + 'a\\"b '.repeat(100000) + '\n',
    'many flags': 'FROM a:1\nCOPY ' + '--chown=a:b '.repeat(50000) + '. /x\n',
    'many ENV pairs': 'FROM a:1\nENV ' + 'A=1 '.repeat(100000) + '\n',
    'many legacy ENV lines': fillTo('FROM a:1\n', 'ENV A b c d e f\n'),
    'many stages':
      'FROM a:1 AS s0\n' +
      Array.from({ length: 3000 }, (_, i) => `FROM s${i} AS s${i + 1}\nCOPY --from=s${i} /x /x\n`).join(''),
    'deep stage chain with volumes':
      'FROM a:1 AS s0\n' +
      Array.from(
        { length: 3000 },
        (_, i) => `FROM s${i} AS s${i + 1}\nVOLUME /v${i}\nRUN touch /v0/x\n`,
      ).join(''),
    'many heredocs': 'FROM a:1\n' + 'RUN <<A <<B\na\nA\nb\nB\n'.repeat(5000),
    'many EXPOSE ports':
      'FROM a:1\nEXPOSE ' + Array.from({ length: 60000 }, (_, i) => i + 1).join(' ') + '\n',
    'many VOLUMEs': fillTo('FROM a:1\n', 'VOLUME /data\nRUN touch /data/x\n'),
    'many RUNs': fillTo('FROM a:1\n', 'RUN apt-get install -y curl\n'),
    'many COPY then RUN': fillTo('FROM a:1\n', 'COPY a /b\nRUN rm -rf /b && chown -R x /b\n'),
    'many ignore comments': fillTo('FROM a:1\n', '# hadolint ignore=DL3008\nRUN apt-get install -y x\n'),
    'many stage ignores': fillTo('FROM a:1\n', '# hadolint stage ignore=DL3008\nFROM b\nRUN sudo x\n'),
    'many WORKDIRs': fillTo('FROM a:1\n', 'WORKDIR a\n'),
    'many variables': fillTo('FROM a:1\n', 'RUN echo $UNDEFINED_${X}_$Y\n'),
    'many ARGs': fillTo('ARG A=1\n', 'ARG A$A=$A\n'),
    'binary junk': Array.from({ length: size }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
    'CR only line ends': fillTo('FROM a:1\r', 'RUN a \\\rb\r'),
    'one huge ONBUILD chain': 'FROM a:1\n' + 'ONBUILD '.repeat(100000) + 'RUN x\n',
  };
}

export interface FuzzInput {
  name: string;
  source: string;
}

/** The fixed fuzz set: every extreme, `mutants` mutated corpus files and `randoms` random texts or bytes. */
export function fuzzInputs(
  corpus: readonly string[],
  seed: number,
  mutants: number,
  randoms: number,
  size?: number,
): FuzzInput[] {
  const next = rng(seed);
  const inputs: FuzzInput[] = Object.entries(extremes(size)).map(([name, source]) => ({ name, source }));
  for (let i = 0; i < mutants; i++)
    inputs.push({ name: `mutant ${i}`, source: mutate(corpus[Math.floor(next() * corpus.length)], next) });
  for (let i = 0; i < randoms; i++) {
    const length = Math.floor(next() * 4000);
    inputs.push(
      i % 2
        ? { name: `random text ${i}`, source: randomText(next, length) }
        : { name: `random bytes ${i}`, source: randomBytes(next, length) },
    );
  }
  return inputs;
}
