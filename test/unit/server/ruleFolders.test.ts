import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { allRules } from '../../../server/src/dockerfile/lint/registry';
import type { Rule } from '../../../server/src/dockerfile/lint/types';

const rulesDir = path.resolve(__dirname, '..', '..', '..', 'server', 'src', 'dockerfile', 'rules');

function isRule(value: unknown): value is Rule {
  return typeof value === 'object' && value !== null && 'id' in value && 'check' in value;
}

// A newcomer looks for a rule in the folder of its category: the folder tells the truth.
void test('every rule module sits in the folder of its category, and every registered rule has one', async () => {
  const found = new Map<string, string>();
  for (const folder of fs.readdirSync(rulesDir)) {
    for (const file of fs.readdirSync(path.join(rulesDir, folder))) {
      const exports = (await import(path.join(rulesDir, folder, file))) as Record<string, unknown>;
      for (const rule of Object.values(exports).filter(isRule)) {
        assert.equal(rule.category, folder, `${rule.id} (${folder}/${file}) belongs in ${rule.category}/`);
        found.set(rule.id, `${folder}/${file}`);
      }
    }
  }
  assert.deepEqual(
    allRules.filter((r) => !found.has(r.id)).map((r) => r.id),
    [],
  );
});
