// Lints Compose text the way the language server does, for the rule tests.
import * as path from 'node:path';
import type { EngineFacts } from '../../../common/compose';
import { parseCompose } from '../../../server/src/compose/parse/parse';
import type { ComposeFile } from '../../../server/src/compose/parse/model';
import { lintCompose } from '../../../server/src/compose/rules/lint';
import type { ComposeFinding } from '../../../server/src/compose/rules/types';
import { composeSiblings, diskFiles } from '../../../server/src/workspace/compose';

export const composeFixtures = path.resolve(__dirname, '..', '..', 'fixtures', 'compose');

export interface LintOptions {
  /** Where the file is on disk: turns on the rules that read beside it. */
  path?: string;
  facts?: EngineFacts;
  projectName?: string;
}

export function parse(source: string, file?: string): ComposeFile {
  return parseCompose({ uri: file ? `file://${file}` : 'untitled:compose.yaml', path: file, source });
}

export function lintText(source: string, options: LintOptions = {}): ComposeFinding[] {
  const file = parse(source, options.path);
  return lintCompose({
    file,
    siblings: options.path ? composeSiblings(file, () => undefined) : [],
    projectName: options.projectName ?? 'demo',
    facts: options.facts,
    host: options.path ? diskFiles : undefined,
  });
}

export function ids(findings: readonly ComposeFinding[]): string[] {
  return findings.map((f) => f.rule.id);
}

/** `rule@line:col` (1-based), for compact assertions. */
export function at(findings: readonly ComposeFinding[], rule: string): string[] {
  return findings
    .filter((f) => f.rule.id === rule)
    .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`);
}

export const noFacts: EngineFacts = { networks: [], volumes: [], ports: [], projects: [] };
