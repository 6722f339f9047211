// Entry of the in-extension-host mocha suite (bundled by esbuild.mjs to out/vscode-suite/index.js).
// VS Code loads it through --extensionTestsPath: @vscode/test-electron in desktop VS Code, or
// test/e2e/vscode-suite.test.ts in code-server. Both read the results from the file named by
// $BERTH_SUITE_RESULT, one entry per test, so that every mocha test is counted in the summary.
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';

export interface SuiteResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  error?: string;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false });
  mocha.suite.emit('pre-require', globalThis, 'berth-vscode-suite', mocha);
  // Loaded after pre-require so that describe/it exist when the suites register.
  await import('./extension.test');
  const results: SuiteResult[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed' }));
    runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'pending' }));
    runner.on('fail', (test, error: Error) =>
      results.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? error.message }),
    );
  });
  const resultFile = process.env.BERTH_SUITE_RESULT;
  if (resultFile) writeFileSync(resultFile, JSON.stringify(results, null, 2));
  if (failures > 0) throw new Error(`${failures} in-editor test(s) failed`);
}
