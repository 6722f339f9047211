// An alias promises hadolint's behaviour: every case hadolint's own spec gives for a code Berth
// claims must come out the same in Berth.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint } from '../../../server/src/dockerfile/lint/lint';
import { findRule } from '../../../server/src/dockerfile/lint/registry';
import { packageManagerCases } from './hadolintSpec/packageManagers';
import type { PeerCases } from './hadolintSpec/peerCases';
import { pinCases } from './hadolintSpec/pins';

const specs: Record<string, PeerCases> = { ...packageManagerCases, ...pinCases };

/** hadolint lints snippets without FROM rule by rule; Berth gets a stage in front of those. */
function asFile(snippet: string): string {
  return /^FROM\s/im.test(snippet) ? snippet : `FROM debian:12\n${snippet}`;
}

/** hadolint's onbuild variant of a snippet: every RUN instruction wrapped in ONBUILD. */
function onbuild(snippet: string): string {
  return snippet.replace(/^RUN\b/gm, 'ONBUILD RUN');
}

for (const [alias, cases] of Object.entries(specs)) {
  void test(`${alias}: every case of hadolint's spec comes out the same`, (t) => {
    const rule = findRule(alias);
    assert.ok(rule, `no rule claims ${alias}`);
    const fires = (source: string): boolean => lint(asFile(source)).some((f) => f.rule.id === rule.id);
    const disagree: string[] = [];
    let total = 0;
    const expect = (kind: string, sources: string[], wanted: boolean, wrap: (s: string) => string): void => {
      for (const source of sources) {
        total++;
        if (fires(wrap(source)) !== wanted) disagree.push(`${kind}: ${JSON.stringify(wrap(source))}`);
      }
    };
    expect('fires', cases.fires, true, (s) => s);
    expect('quiet', cases.quiet, false, (s) => s);
    expect('onbuild fires', cases.onbuildFires, true, onbuild);
    expect('onbuild quiet', cases.onbuildQuiet, false, onbuild);
    t.diagnostic(`${alias} ${rule.id}: ${total - disagree.length}/${total} agree`);
    assert.deepEqual(disagree, []);
  });
}
