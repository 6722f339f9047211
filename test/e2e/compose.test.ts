// Issue 15 in a real VS Code: a Compose file whose external network is missing, fixed from the
// light bulb through the engine; a code lens that shows its network in the Networks view; and
// the way back from a network row to the key that declares it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { applyQuickFix, clickEditorText, editorText, openFile } from '../harness/editor';
import { createNetwork, engine, freeSubnet, runId, Tracker, uniqueName } from '../harness/engine';
import { guarded } from '../harness/evidence';
import { expectProblem, problems } from '../harness/panel';
import { runCommand } from '../harness/quickInput';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import { runFromContextMenu } from '../harness/menu';
import { openBerthView, statusBarText, treeItem } from '../harness/views';
import { waitFor } from '../harness/wait';

const project = `berthe2e${runId.replace(/[^a-z0-9]/g, '')}`;
const shared = uniqueName('shared');
const backend = `${project}_backend`;

async function engineHasNetwork(name: string): Promise<boolean> {
  return (await engine().listNetworks({ filters: { name: [name] } })).some((n) => n.Name === name);
}

void describe('Compose files in a real VS Code', () => {
  const tracker = new Tracker();
  let subnet = '';
  const suite = workbenchSuite(true, async (scratch) => {
    subnet = await freeSubnet(11);
    await createNetwork(tracker, {
      name: backend,
      subnet,
      labels: { 'com.docker.compose.project': project, 'com.docker.compose.network': 'backend' },
    });
    // The quick fix creates it below; tracked now so that it goes even if a step fails.
    tracker.trackByName('network', shared);
    const workspace = emptyWorkspace(scratch, 'Compose');
    fs.writeFileSync(
      path.join(workspace, 'compose.yaml'),
      [
        `name: ${project}`,
        'services:',
        '  web:',
        '    image: busybox',
        '    networks: [backend, shared]',
        'networks:',
        '  backend: {}',
        '  shared:',
        '    external: true',
        `    name: ${shared}`,
        '',
      ].join('\n'),
    );
    return { workspace };
  });

  after(() => tracker.cleanup());

  void test('a missing external network: the problem, the Create quick fix, the engine has it, the problem goes', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'compose-external', async () => {
      await openFile(w.page, 'compose.yaml');
      const problem = `The external network \`${shared}\` does not exist on the engine`;
      const rows = await expectProblem(w.page, problem);
      assert.ok(
        rows.some((row) => row.includes('external-network-missing')),
        rows.join(' | '),
      );
      assert.equal(await engineHasNetwork(shared), false);
      await clickEditorText(w.page, 'shared:');
      await applyQuickFix(w.page, `Create network \`${shared}\``);
      await waitFor(`the engine to have ${shared}`, async () =>
        (await engineHasNetwork(shared)) ? true : undefined,
      );
      await waitFor('the problem to go away', async () =>
        (await problems(w.page)).some((row) => row.includes(problem)) ? undefined : true,
      );
    });
  });

  void test('the code lens above a network says what the engine has; a click reveals it in the view', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'compose-lens', async () => {
      await openFile(w.page, 'compose.yaml');
      const lens = w.page
        .locator('.codelens-decoration a')
        .filter({ hasText: `0 containers attached · ${subnet}` });
      await lens.first().waitFor({ timeout: 60_000 });
      const networks = await openBerthView(w.page, 'Networks');
      const row = treeItem(networks, backend);
      await openFile(w.page, 'compose.yaml');
      await waitFor(`${backend} to be selected in the Networks view`, async () => {
        if ((await row.count()) > 0 && (await row.first().getAttribute('aria-selected')) === 'true')
          return true;
        // A click the editor took while it was still laying out the lens is made again.
        await lens.first().click();
        return undefined;
      });
    });
  });

  void test('Go to Compose Declaration from the network row opens the file at its key', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'compose-declaration', async () => {
      // Nothing open: the command itself must open the file.
      const tabs = w.page.locator('.editor-group-container .tab');
      await runCommand(w.page, 'View: Close All Editors');
      await waitFor('no editor to be open', async () => ((await tabs.count()) === 0 ? true : undefined));
      const networks = await openBerthView(w.page, 'Networks');
      await runFromContextMenu(treeItem(networks, backend), 'Go to Compose Declaration', {
        what: 'an editor to open',
        shows: async () => (await tabs.count()) > 0,
      });
      await waitFor('compose.yaml open in the editor', async () =>
        (await editorText(w.page).catch(() => '')).includes(`name: ${project}`) ? true : undefined,
      );
      // The key is selected: the cursor sits at its end, on line 7.
      await waitFor('the backend key (line 7) selected', async () =>
        (await statusBarText(w.page, /^Ln 7, Col 10 \(7 selected\)/)) ? true : undefined,
      );
    });
  });
});
