import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { bundle } from './bundle';
import { LspSession } from './lspSession';

/** A 200-line Dockerfile shaped like the corpus: apt installs, ENV, COPY, continuations. */
function twoHundredLines(): string {
  const lines = ['FROM debian:12', 'WORKDIR /app'];
  for (let i = 0; lines.length < 200; i++) {
    if (i % 5 === 0) lines.push(`ENV STEP_${i}=value${i}`);
    else if (i % 5 === 1) lines.push(`COPY src/${i} /app/${i}`);
    else
      lines.push(`RUN apt-get update && apt-get install -y --no-install-recommends pkg${i} \\`, '  && true');
  }
  return lines.slice(0, 200).join('\n') + '\n';
}

void test('typing fast: diagnostics only ever move forward, stale versions are skipped, the last state wins', async (t) => {
  const lsp = await LspSession.start(await bundle('server'));
  t.after(() => lsp.dispose());
  const uri = await lsp.open(twoHundredLines());
  await lsp.waitFor(uri, (p) => p.version === 1);

  const typed = 'EXPOSE 80:80\n';
  let last = { version: 1, at: 0 };
  for (let i = 0; i < typed.length; i++) {
    const at = { line: 2, character: i };
    last = await lsp.change(uri, { range: { start: at, end: at }, text: typed[i] });
  }
  const final = await lsp.waitFor(uri, (p) => p.version === last.version);
  assert.ok(
    final.params.diagnostics.some((d) => d.code === 'expose-host-mapping' && d.range.start.line === 2),
    'the last version is linted: EXPOSE 80:80 on line 3 is reported',
  );
  // A request answered after the final publish: anything still queued would have arrived by now.
  await lsp.hover(uri, { line: 2, character: 1 });
  const versions = lsp.publishedVersions(uri);
  for (let i = 1; i < versions.length; i++)
    assert.ok(versions[i] >= versions[i - 1], `version ${versions[i]} published after ${versions[i - 1]}`);
  assert.equal(versions[versions.length - 1], last.version, 'nothing older arrives after the last version');
  t.diagnostic(`published versions: ${versions.join(', ')}`);
  // Settings arriving after the open may lint version 1 twice; typed versions are what counts.
  assert.ok(
    versions.filter((v) => v > 1).length < typed.length,
    `${typed.length} keystrokes sent at once are coalesced (published: ${versions.join(', ')})`,
  );
});
