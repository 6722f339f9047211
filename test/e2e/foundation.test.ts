import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { packageBerth } from '../harness/codeserver';
import { requireOrSkip } from '../harness/require';
import { missingWorkbenchPrerequisite } from './prerequisites';
import {
  activeTabTitle,
  clickActivity,
  contextMenu,
  editorText,
  expandView,
  expectProblem,
  expectOutput,
  expectViewVisible,
  guarded,
  openFile,
  outputChannel,
  runCommand,
  treeItem,
  waitFor,
  type Workbench,
  openWorkbench,
} from '../harness/workbench';

const fixture = path.resolve(__dirname, '..', 'fixtures', 'workspace');

void describe('Berth in a real VS Code (code-server + Chromium)', () => {
  const missing = missingWorkbenchPrerequisite();
  const scratch = mkdtempSync(path.join(tmpdir(), 'berth-e2e-'));
  let wb: Workbench | undefined;
  let startError: Error | undefined;

  before(async () => {
    if (missing) return;
    try {
      const workspace = path.join(scratch, 'workspace');
      cpSync(fixture, workspace, { recursive: true });
      wb = await openWorkbench(workspace, { vsix: [packageBerth(scratch)] });
    } catch (error) {
      startError = error as Error;
    }
  });

  after(async () => {
    await wb?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  /** The open workbench, or undefined after skipping (prerequisites missing). */
  function workbench(t: TestContext): Workbench | undefined {
    if (!requireOrSkip(t, missing === undefined, missing ?? '')) return undefined;
    if (startError) throw startError;
    assert.ok(wb, 'the workbench did not open');
    return wb;
  }

  void test('the Berth activity bar item shows the Networks, Volumes and Containers views', async (t) => {
    const w = workbench(t);
    if (!w) return;
    await guarded(w.page, 'activity-bar', async () => {
      await clickActivity(w.page, 'Berth');
      for (const name of ['Networks', 'Volumes', 'Containers']) await expectViewVisible(w.page, name);
    });
  });

  void test('opening a Dockerfile starts the language server, as the Berth output channel shows', async (t) => {
    const w = workbench(t);
    if (!w) return;
    await guarded(w.page, 'language-server', async () => {
      await openFile(w.page, 'Dockerfile');
      assert.equal(await activeTabTitle(w.page), 'Dockerfile');
      assert.match(await editorText(w.page), /EXPOSE 80:80/);
      await expectOutput(w.page, 'Berth', /Dockerfile language server \S+ is running/);
    });
  });

  void test('the Problems panel lists the language server findings for the flawed Dockerfile', async (t) => {
    const w = workbench(t);
    if (!w) return;
    await guarded(w.page, 'problems', async () => {
      await openFile(w.page, 'Dockerfile');
      // Line 4 is `EXPOSE 80:80`: a host port in EXPOSE is one of the pitfalls Berth explains.
      const rows = await expectProblem(w.page, /line 4\b/);
      assert.ok(
        rows.length >= 2,
        `expected findings for "From alpine" and "EXPOSE 80:80", got ${rows.join(' | ')}`,
      );
    });
  });

  void test('"Berth: Show Output" runs from the command palette and reveals the Berth channel', async (t) => {
    const w = workbench(t);
    if (!w) return;
    await guarded(w.page, 'palette', async () => {
      await runCommand(w.page, 'View: Hide Panel');
      await w.page.locator('.part.panel .output-view').waitFor({ state: 'hidden' });
      await runCommand(w.page, 'Berth: Show Output');
      await w.page.locator('.part.panel .output-view').waitFor({ state: 'visible' });
      assert.match(await outputChannel(w.page, 'Berth'), /language server/);
    });
  });

  void test('right-clicking the bridge network and picking "Inspect Network" opens its JSON', async (t) => {
    const w = workbench(t);
    if (!w) return;
    await guarded(w.page, 'context-menu', async () => {
      await clickActivity(w.page, 'Berth');
      const networks = await expandView(w.page, 'Networks');
      const bridge = treeItem(networks, 'bridge');
      await waitFor('a "bridge" row in the Networks view, which the engine always has', async () =>
        (await bridge.isVisible()) ? true : undefined,
      );
      await contextMenu(bridge, 'Inspect Network');
      const json = await waitFor('the network JSON in an editor', async () => {
        const text = await editorText(w.page);
        return text.includes('"Driver": "bridge"') ? text : undefined;
      });
      assert.match(json, /"Name": "bridge"/);
    });
  });
});
