// Berth beside Container Tools' Dockerfile server (dockerfile-language-server-nodejs, installed
// offline from npm as a devDependency): both asked for completions at the same places of copies
// of real Dockerfiles, as VS Code asks every provider and shows all their items in one list.
// VS Code never merges two providers' rows, so where both offer the same thing (the same keyword,
// flag, variable or stage) the user sees it twice. The test counts, per place, what both offer,
// what only one offers and the rows that are identical (same label, same text inserted), and
// reports them. It holds Berth's own list to no row twice, and every Berth row to say more than
// its label (a detail or documentation), so that beside the peer's row it is never the poorer one.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { bundle } from './bundle';
import { LspSession } from './lspSession';
import { corpusDir } from './sharedCorpus';

const peerServer = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  'node_modules',
  'dockerfile-language-server-nodejs',
  'lib',
  'server.js',
);
const capabilities = { textDocument: { completion: { completionItem: { snippetSupport: true } } } };

let berth: LspSession | undefined;
let peer: LspSession | undefined;

before(async () => {
  berth = await LspSession.start(await bundle('server'), { capabilities });
  if (fs.existsSync(peerServer)) peer = await LspSession.start(peerServer, { capabilities });
});

after(() => {
  berth?.dispose();
  peer?.dispose();
});

function inserted(item: CompletionItem): string {
  const edit = item.textEdit as TextEdit | undefined;
  return edit?.newText ?? item.insertText ?? item.label;
}

/** What an item gives, whatever its label: `FROM`, `--from`, `VERSION`, `build`. */
function offered(item: CompletionItem): string {
  const text = inserted(item)
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/^\$\{(\w+)\}$/, '$1')
    .replace(/\}$/, '');
  return (/^[^\s=]+/.exec(text)?.[0] ?? text).trim();
}

/** Places where completion is asked while a Dockerfile is written, in a copy of a real file. */
function probes(text: string): Array<{ text: string; line: number; character: number; what: string }> {
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => i > 0 && /^(RUN|COPY|ENV|WORKDIR)\b/.test(l));
  const insert = (line: string) => {
    const copy = [...lines];
    copy.splice(at, 0, line);
    return copy.join('\n');
  };
  const cases: Array<[string, string]> = [
    ['', 'an empty line'],
    ['R', 'a keyword being typed'],
    ['COPY --', 'COPY flags'],
    ['COPY --from=', 'COPY --from= in the first stage'],
    ['RUN --', 'RUN flags'],
    ['RUN echo $', 'a variable in RUN'],
    ['ENV X=${', 'a braced variable'],
    ['HEALTHCHECK --', 'HEALTHCHECK flags'],
    ['FROM ', 'a base image'],
    ['FROM --', 'FROM flags'],
  ];
  const probes = cases.map(([line, what]) => ({
    text: insert(line),
    line: at,
    character: line.length,
    what,
  }));
  // At the end, after a stage of its own: the stages before it can be copied from.
  const later = `${text.trimEnd()}\nFROM scratch\nCOPY --from=`;
  const lastLine = later.split('\n').length - 1;
  probes.push({ text: later, line: lastLine, character: 12, what: 'COPY --from= in a later stage' });
  return probes;
}

void test('beside the peer: what both offer, what each adds; Berth repeats no row and says more than a label', async (t) => {
  const dir = corpusDir(t, 'real');
  if (!dir || !berth) return;
  if (!peer) {
    const why = `${peerServer} is missing: run npm ci`;
    if (process.env.BERTH_REQUIRE_ALL === '1') throw new Error(why);
    t.skip(why);
    return;
  }
  const files = fs
    .readdirSync(dir)
    .sort()
    .filter((_, i) => i % 20 === 0)
    .map((n) => fs.readFileSync(path.join(dir, n), 'utf8'));
  const byPlace = new Map<string, { both: number; berthOnly: number; peerOnly: number; identical: number }>();
  const problems: string[] = [];
  for (const file of files) {
    for (const probe of probes(file)) {
      const ask = async (session: LspSession): Promise<CompletionItem[]> => {
        const uri = await session.open(probe.text);
        const answer = await session.request<CompletionItem[] | { items: CompletionItem[] }>(
          'textDocument/completion',
          { textDocument: { uri }, position: { line: probe.line, character: probe.character } },
        );
        return Array.isArray(answer) ? answer : answer.items;
      };
      const ours = await ask(berth);
      const theirs = await ask(peer);
      const counts = byPlace.get(probe.what) ?? { both: 0, berthOnly: 0, peerOnly: 0, identical: 0 };
      const theirOffers = new Set(theirs.map(offered));
      const ourOffers = new Set(ours.map(offered));
      const theirRows = new Set(theirs.map((i) => `${i.label}\u0000${inserted(i)}`));
      const ourRows = new Set<string>();
      for (const item of ours) {
        const row = `${item.label}\u0000${inserted(item)}`;
        if (ourRows.has(row)) problems.push(`${probe.what}: Berth lists ${item.label} twice`);
        ourRows.add(row);
        if (!item.detail && !item.documentation && !item.labelDetails)
          problems.push(`${probe.what}: Berth's ${item.label} says nothing beyond its label`);
        if (theirRows.has(row)) counts.identical++;
      }
      for (const offer of ourOffers) {
        if (theirOffers.has(offer)) counts.both++;
        else counts.berthOnly++;
      }
      for (const offer of theirOffers) if (!ourOffers.has(offer)) counts.peerOnly++;
      byPlace.set(probe.what, counts);
    }
  }
  t.diagnostic(`${files.length} corpus files, both servers asked at the same places:`);
  for (const [what, c] of byPlace)
    t.diagnostic(
      `${what}: both offer ${c.both}, only Berth ${c.berthOnly}, only the peer ${c.peerOnly}; identical rows ${c.identical}`,
    );
  assert.deepEqual([...new Set(problems)], []);
});
