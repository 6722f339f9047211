import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { analyzeReach } from '../../../client/src/reach/analyze';
import {
  english,
  fixMessages,
  reasonMessages,
  renderReason,
  renderVerdict,
  verdictMessages,
  type Translate,
} from '../../../client/src/reach/messages';
import { bridge, container, endpoint, snapshot } from './fixtures';

const zhCn = JSON.parse(
  readFileSync(new URL('../../../l10n/fragments/reach.zh-cn.json', import.meta.url), 'utf8'),
) as Record<string, string>;

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

void describe('reach messages', () => {
  const all = [
    ...Object.values(verdictMessages),
    ...Object.values(reasonMessages),
    ...Object.values(fixMessages),
  ];

  void it('every sentence has a Simplified Chinese translation with the same placeholders', () => {
    for (const message of all) {
      const translated = zhCn[message];
      assert.ok(translated, `missing zh-cn for: ${message}`);
      assert.deepEqual(
        [...new Set(placeholders(translated))],
        [...new Set(placeholders(message))],
        `placeholders differ for: ${message}`,
      );
    }
  });

  void it('renders a verdict and its reasons in Chinese, with no placeholder left over', () => {
    const a = container('a', { endpoints: [endpoint(bridge, 'a', '172.17.0.2')] });
    const b = container('b', { endpoints: [endpoint(bridge, 'b', '172.17.0.3')] });
    const r = analyzeReach(snapshot([bridge], [a, b]), 'a', 'b');
    const chinese: Translate = (message, args) => english(zhCn[message] ?? message, args);
    assert.equal(renderVerdict(r.verdict, chinese), 'a 可以通过 172.17.0.3 访问 b，但不能通过名称访问');
    for (const reason of r.reasons) assert.doesNotMatch(renderReason(reason, chinese), /\{\w+\}/);
  });
});
