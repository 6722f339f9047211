import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { INJECTION_SCOPE } from './tokenize';

const root = path.resolve(__dirname, '..', '..', '..');

interface GrammarContribution {
  scopeName?: string;
  path?: string;
  injectTo?: string[];
  embeddedLanguages?: Record<string, string>;
}

function contribution(): GrammarContribution {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes?: { grammars?: GrammarContribution[] };
  };
  const entry = manifest.contributes?.grammars?.find((g) => g.scopeName === INJECTION_SCOPE);
  assert.ok(entry, `package.json contributes no grammar with scopeName ${INJECTION_SCOPE}`);
  return entry;
}

/** Every `contentName`/`name` in the grammar, however deeply nested. */
function scopeNames(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => scopeNames(child, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'name' || key === 'contentName') && typeof value === 'string') {
        value.split(' ').forEach((scope) => out.add(scope));
      } else scopeNames(value, out);
    }
  }
  return out;
}

void describe('grammar contribution', () => {
  void it('is injected into the built-in Dockerfile grammar from the committed file', () => {
    const entry = contribution();
    assert.deepEqual(entry.injectTo, ['source.dockerfile']);
    assert.ok(entry.path && existsSync(path.join(root, entry.path)), `${entry.path} does not exist`);
    const grammar = JSON.parse(readFileSync(path.join(root, entry.path), 'utf8')) as {
      scopeName: string;
      injectionSelector: string;
    };
    assert.equal(grammar.scopeName, INJECTION_SCOPE);
    assert.match(grammar.injectionSelector, /^L:source\.dockerfile /);
  });

  void it('maps every embedded block scope to a VS Code language', () => {
    const entry = contribution();
    const grammar: unknown = JSON.parse(readFileSync(path.join(root, entry.path ?? ''), 'utf8'));
    const embedded = [...scopeNames(grammar)].filter((scope) => scope.startsWith('meta.embedded.block.'));
    assert.ok(embedded.length >= 3, `only ${embedded.join(', ')}`);
    for (const scope of embedded) {
      assert.equal(entry.embeddedLanguages?.[scope], scope.slice('meta.embedded.block.'.length), scope);
    }
  });

  void it('is what syntaxes/generate-injection.mjs produces', () => {
    const script = path.join(root, 'syntaxes', 'generate-injection.mjs');
    try {
      execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    } catch (error) {
      const stdout = (error as { stdout?: string }).stdout ?? '';
      assert.fail(`the committed grammar is stale: ${stdout.trim()}`);
    }
  });
});
