import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(root, 'test', 'fixtures', 'grammar');

export const INJECTION_SCOPE = 'berth.dockerfile.injection';

/** Grammar files by scope: ours from syntaxes/, the built-in ones from copies kept as fixtures. */
const GRAMMAR_FILES: Record<string, string> = {
  [INJECTION_SCOPE]: path.join(root, 'syntaxes/dockerfile-injection.tmLanguage.json'),
  'source.dockerfile': path.join(FIXTURES, 'docker.tmLanguage.json'),
  'source.shell': path.join(FIXTURES, 'shell-unix-bash.tmLanguage.json'),
  'source.python': path.join(FIXTURES, 'MagicPython.tmLanguage.json'),
  'source.js': path.join(FIXTURES, 'JavaScript.tmLanguage.json'),
};

const STUB_SCOPES = ['source.ruby', 'source.perl', 'source.powershell'];

export interface Token {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

let onigLib: Promise<textmate.IOnigLib> | undefined;

function loadOniguruma(): Promise<textmate.IOnigLib> {
  onigLib ??= (async () => {
    const wasm = await readFile(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigLib;
}

/** The built-in Dockerfile grammar, with our injection unless `withInjection` is false. */
export async function loadDockerfileGrammar(withInjection = true): Promise<textmate.IGrammar> {
  const registry = new textmate.Registry({
    onigLib: loadOniguruma(),
    loadGrammar: async (scopeName) => {
      const file = GRAMMAR_FILES[scopeName];
      if (file !== undefined) return textmate.parseRawGrammar(await readFile(file, 'utf8'), file);
      // vscode-textmate drops a rule whose only include is a grammar it cannot find, so these
      // stand in for the grammars VS Code ships but the tests do not copy: bodies keep their scope.
      if (STUB_SCOPES.includes(scopeName))
        return textmate.parseRawGrammar(JSON.stringify({ scopeName, patterns: [] }), `${scopeName}.json`);
      return null;
    },
    getInjections: (scopeName) =>
      withInjection && scopeName === 'source.dockerfile' ? [INJECTION_SCOPE] : undefined,
  });
  const grammar = await registry.loadGrammar('source.dockerfile');
  if (grammar === null) throw new Error('source.dockerfile did not load');
  return grammar;
}

export function tokenize(grammar: textmate.IGrammar, text: string): Token[] {
  const tokens: Token[] = [];
  let state = textmate.INITIAL;
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  lines.forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, state);
    for (const token of result.tokens) {
      tokens.push({ line, text: lineText.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    state = result.ruleStack;
  });
  return tokens;
}

/** The first token on `line` (0-based) whose text is exactly `text`; fails loudly when absent. */
export function tokenAt(tokens: readonly Token[], line: number, text: string): Token {
  const token = tokens.find((t) => t.line === line && t.text === text);
  if (token === undefined) {
    const seen = tokens.filter((t) => t.line === line).map((t) => JSON.stringify(t.text));
    throw new Error(`no token ${JSON.stringify(text)} on line ${line}; tokens: ${seen.join(' ')}`);
  }
  return token;
}

export function hasScope(token: Token, prefix: string): boolean {
  return token.scopes.some((scope) => scope === prefix || scope.startsWith(`${prefix}.`));
}
