import * as path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { activeTabTitle, editorText, openFile } from '../harness/editor';
import { guarded } from '../harness/evidence';
import { runFromContextMenu } from '../harness/menu';
import { expectOutput, expectProblem } from '../harness/panel';
import { answerIfAsked, runCommand } from '../harness/quickInput';
import { plainText } from '../harness/text';
import { fixtureWorkspace, workbenchSuite } from '../harness/suite';
import { expectViewVisible, openBerthView, openBerthViews, treeItem } from '../harness/views';
import { waitFor } from '../harness/wait';

const fixture = path.resolve(__dirname, '..', 'fixtures', 'workspace');

void describe('Berth in a real VS Code (code-server + Chromium)', () => {
  const suite = workbenchSuite(false, (scratch) => ({ workspace: fixtureWorkspace(scratch, fixture) }));

  void test('the Berth activity bar item shows the Networks, Volumes and Containers views', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'activity-bar', async () => {
      await openBerthViews(w.page);
      for (const name of ['Networks', 'Volumes', 'Containers']) await expectViewVisible(w.page, name);
    });
  });

  void test('opening a Dockerfile starts the language server, as the Berth output channel shows', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'language-server', async () => {
      await openFile(w.page, 'Dockerfile');
      assert.equal(await activeTabTitle(w.page), 'Dockerfile');
      assert.match(await editorText(w.page), /EXPOSE 80:80/);
      await expectOutput(w.page, 'Berth', /Dockerfile language server \S+ is running/);
    });
  });

  void test('the Problems panel lists the language server findings for the flawed Dockerfile', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'problems', async () => {
      await openFile(w.page, 'Dockerfile');
      // Line 4 is `EXPOSE 80:80`: a host port in EXPOSE is one of the pitfalls Berth explains.
      const rows = await expectProblem(w.page, /\[Ln 4, Col \d+\]/);
      assert.ok(
        rows.length >= 2,
        `expected findings for "From alpine" and "EXPOSE 80:80", got ${rows.join(' | ')}`,
      );
    });
  });

  void test('"Berth: Show Output" runs from the command palette and reveals the Berth channel', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'palette', async () => {
      await runCommand(w.page, 'View: Hide Panel');
      await w.page.locator('.part.panel .output-view').waitFor({ state: 'hidden' });
      await runCommand(w.page, 'Berth: Show Output');
      const panel = w.page.locator('.part.panel');
      await panel.locator('.output-view').waitFor({ state: 'visible' });
      // The command itself must pick the Berth channel; its text is drawn a moment later.
      const picker = panel
        .locator('select.monaco-select-box[aria-label="Switch Output"]')
        .filter({ visible: true });
      await waitFor('the Berth channel with its text', async () => {
        if ((await picker.inputValue()) !== 'Berth') return undefined;
        const text = plainText(await panel.locator('.output-view .view-lines').innerText());
        return /language server/.test(text) ? true : undefined;
      });
    });
  });

  void test('right-clicking the bridge network and picking "Inspect Network" opens its JSON', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'context-menu', async () => {
      const networks = await openBerthView(w.page, 'Networks');
      const bridge = treeItem(networks, 'bridge');
      await waitFor('a "bridge" row in the Networks view, which the engine always has', async () =>
        (await bridge.isVisible()) ? true : undefined,
      );
      const input = w.page.locator('.quick-input-widget input');
      const tab = w.page.locator('.tabs-container .tab.active', { hasText: 'bridge.json' });
      await runFromContextMenu(bridge, 'Inspect Network', {
        what: 'the inspect document (or the pick of the network)',
        shows: async () => (await input.isVisible()) || (await tab.isVisible()),
      });
      const bridgeJson = async () =>
        (await editorText(w.page).catch(() => '')).includes('"Driver": "bridge"');
      await answerIfAsked(w.page, 'Network to inspect', 'bridge', bridgeJson);
      assert.match(await editorText(w.page), /"Name": "bridge"/);
    });
  });
});
