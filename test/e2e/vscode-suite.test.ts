import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import { requireOrSkip } from '../harness/require';
import { missingWorkbenchTools, openWorkbench, type WorkbenchLog } from '../harness/workbench';
import type { SuiteResult } from '../vscode/index';
import { findDesktopVSCode, runSuiteInDesktopVSCode } from '../vscode/runTest';

const repoRoot = path.resolve(__dirname, '..', '..');
const suiteEntry = path.join(repoRoot, 'out', 'vscode-suite', 'index.js');
const fixture = path.join(repoRoot, 'test', 'fixtures', 'workspace');

function ensureSuiteBuilt(): void {
  if (existsSync(suiteEntry) && existsSync(path.join(repoRoot, 'dist', 'client', 'extension.js'))) return;
  const result = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(result.status, 0, `the build failed:\n${result.stdout}${result.stderr}`);
}

/** A scratch copy of the fixture workspace and the file the suite writes its results to. */
function scratch(): { dir: string; workspace: string; resultFile: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-suite-'));
  const workspace = path.join(dir, 'workspace');
  cpSync(fixture, workspace, { recursive: true });
  return { dir, workspace, resultFile: path.join(dir, 'result.json') };
}

/** The remote extension host's log, which says why a suite could not load. */
function hostLog(userDataDir: string): string | undefined {
  const logs = readdirSync(path.join(userDataDir, 'logs'), { recursive: true, encoding: 'utf8' });
  const file = logs.find((name) => name.endsWith('remoteexthost.log'));
  return file && readFileSync(path.join(userDataDir, 'logs', file), 'utf8').slice(-8000);
}

/** Reports each mocha test of the suite as a node:test subtest, so that each one is counted. */
async function reportResults(t: TestContext, resultFile: string, exitCode: number): Promise<void> {
  assert.ok(existsSync(resultFile), `the suite wrote no results (extension host exit code ${exitCode})`);
  const results = JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResult[];
  assert.ok(results.length > 0, 'the suite ran no tests');
  for (const result of results) {
    await t.test(result.title, (sub) => {
      if (result.state === 'pending') sub.skip('pending in the mocha suite');
      if (result.state === 'failed') throw new Error(result.error);
    });
  }
}

void describe('in-extension-host mocha suite (test/vscode)', () => {
  void test("in code-server's extension host", async (t) => {
    const missing = missingWorkbenchTools();
    if (!requireOrSkip(t, missing === undefined, missing ?? '')) return;
    ensureSuiteBuilt();
    const { dir, workspace, resultFile } = scratch();
    let logs: WorkbenchLog[] = [];
    let onTestsExit: (code: number, logs: WorkbenchLog[]) => void = () => undefined;
    const exited = new Promise<number>((resolve) => {
      onTestsExit = (code, workbenchLogs) => {
        logs = workbenchLogs;
        resolve(code);
      };
    });
    const wb = await openWorkbench(workspace, {
      env: { BERTH_SUITE_RESULT: resultFile },
      development: { extensionDevelopmentPath: repoRoot, extensionTestsPath: suiteEntry, onTestsExit },
    });
    try {
      const timeout = AbortSignal.timeout(240_000);
      const code = await Promise.race([
        exited,
        new Promise<never>((_resolve, reject) =>
          timeout.addEventListener('abort', () => reject(new Error('the suite did not finish within 240 s'))),
        ),
      ]);
      if (!existsSync(resultFile)) {
        // The extension host never reached the suite: its log says why.
        const names = logs.map((log) => log.relativePath).join(', ');
        t.diagnostic(hostLog(wb.server.userDataDir) ?? `no extension host log; workbench logs: ${names}`);
      }
      await reportResults(t, resultFile, code);
    } finally {
      await wb.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  void test('in desktop VS Code via @vscode/test-electron', async (t) => {
    const vscode = await findDesktopVSCode();
    if ('missing' in vscode) {
      // Deliberately a plain skip, even under BERTH_REQUIRE_ALL: the same suite is required to run
      // in code-server above, and desktop VS Code cannot be had on an offline machine.
      t.skip(vscode.missing);
      return;
    }
    ensureSuiteBuilt();
    const { dir, workspace, resultFile } = scratch();
    try {
      const code = await runSuiteInDesktopVSCode(vscode.executable, workspace, {
        BERTH_SUITE_RESULT: resultFile,
      });
      await reportResults(t, resultFile, code);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
