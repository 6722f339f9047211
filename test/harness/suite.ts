// One workbench per describe block: prerequisites probed once, engine resources prepared, the
// workbench opened before the first test and closed after the last.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { packageBerth } from './codeserver';
import { engineUnavailableReason } from './engine';
import { requireOrSkip } from './require';
import { missingWorkbenchTools, openWorkbench, type Workbench, type WorkbenchOptions } from './workbench';

/** Why the real-VS-Code layer cannot run here (and, if asked, the engine), or undefined. */
export async function missingPrerequisite(needsEngine: boolean): Promise<string | undefined> {
  return missingWorkbenchTools() ?? (needsEngine ? await engineUnavailableReason() : undefined);
}

/** The workspace folder in `scratch`: a copy of the folder `fixture`. */
export function fixtureWorkspace(scratch: string, fixture: string): string {
  const workspace = path.join(scratch, 'workspace');
  cpSync(fixture, workspace, { recursive: true });
  return workspace;
}

/**
 * The workspace folder in `scratch`, holding only a README titled `title` and, when given,
 * `settings` as its .vscode/settings.json.
 */
export function emptyWorkspace(scratch: string, title: string, settings?: Record<string, unknown>): string {
  const workspace = path.join(scratch, 'workspace');
  mkdirSync(workspace);
  writeFileSync(path.join(workspace, 'README.md'), `# ${title}\n`);
  if (settings) {
    mkdirSync(path.join(workspace, '.vscode'));
    writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify(settings));
  }
  return workspace;
}

export interface SuiteSetup {
  workspace: string;
  options?: WorkbenchOptions;
  /** Runs after the workbench opened, before the first test (e.g. a reload with a patch). */
  opened?: (workbench: Workbench) => Promise<void>;
}

export interface WorkbenchSuite {
  /** A private scratch folder, removed after the suite. */
  readonly scratch: string;
  /** The open workbench, or undefined after skipping because a prerequisite is missing. */
  workbench(t: TestContext): Workbench | undefined;
}

/**
 * Registers `before`/`after` hooks (call it inside `describe`) that open one workbench for the
 * suite. `prepare` gets the scratch folder and may create engine resources; a failure there fails
 * each test with its message instead of hiding it in a hook. The workbench closes in this `after`,
 * so before the suite's own `after` hooks (registered later) clean up the engine.
 */
export function workbenchSuite(
  needsEngine: boolean,
  prepare: (scratch: string) => SuiteSetup | Promise<SuiteSetup>,
): WorkbenchSuite {
  const scratch = mkdtempSync(path.join(tmpdir(), 'berth-e2e-'));
  let missing: string | undefined;
  let wb: Workbench | undefined;
  let startError: Error | undefined;

  before(async () => {
    missing = await missingPrerequisite(needsEngine);
    if (missing) return;
    try {
      const setup = await prepare(scratch);
      wb = await openWorkbench(setup.workspace, {
        ...setup.options,
        vsix: [packageBerth(scratch)],
        startTimeoutMs: 120_000,
      });
      await setup.opened?.(wb);
    } catch (error) {
      startError = error as Error;
    }
  });

  after(async () => {
    await wb?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  return {
    scratch,
    workbench(t) {
      if (!requireOrSkip(t, missing === undefined, missing ?? '')) return undefined;
      if (startError) throw startError;
      assert.ok(wb, 'the workbench did not open');
      return wb;
    },
  };
}
