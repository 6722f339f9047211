// Issue 6 in a real VS Code: the views say exactly what is wrong while the engine is away and
// recover by themselves when it returns; an untrusted workspace cannot point Berth elsewhere.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { EngineProxy } from '../harness/engineProxy';
import { guarded } from '../harness/evidence';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import { expandView, openBerthView, shownInTree, treeItem, viewMessage } from '../harness/views';
import { waitFor } from '../harness/wait';
import { reloadWithConfiguration } from '../harness/workbench';

const views = ['Networks', 'Volumes', 'Containers'];

/** Waits until the Networks view lists the engine's built-in `bridge` network and shows no message. */
async function expectBridge(page: Page, timeoutMs: number): Promise<void> {
  const networks = await openBerthView(page, 'Networks');
  await waitFor(
    'the "bridge" network in the Networks view, with no problem message',
    async () =>
      (await shownInTree(treeItem(networks, 'bridge'))) && (await viewMessage(networks)) === ''
        ? true
        : undefined,
    timeoutMs,
  );
}

void describe('Engine outage in a real VS Code', () => {
  const proxy = new EngineProxy();
  const suite = workbenchSuite(true, async (scratch) => {
    await proxy.start();
    // User settings (the workspace's own would not count were it untrusted), and DOCKER_HOST as
    // well: on a loaded machine the extension host may start before the remote user settings
    // reach it, and this test is about the outage, not about reading settings.
    return {
      workspace: emptyWorkspace(scratch, 'faults e2e'),
      options: { settings: { 'berth.dockerHost': proxy.host }, env: { DOCKER_HOST: proxy.host } },
    };
  });

  after(() => proxy.dispose());

  void test('the views show the missing socket while the engine is away and recover without Retry', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'faults-outage', async () => {
      await expectBridge(w.page, 90_000);

      await proxy.stop();
      const problem = `No Docker socket at ${proxy.socketPath}: the Docker daemon is not running`;
      for (const name of views) {
        const pane = await expandView(w.page, name);
        const message = await waitFor(
          `the ${name} view to say "${problem}"`,
          async () => {
            const text = await viewMessage(pane);
            return text.includes(problem) ? text : undefined;
          },
          60_000,
        );
        assert.match(message, /systemctl start docker/, 'the message says how to fix it');
      }
      assert.equal(await treeItem(await expandView(w.page, 'Networks'), 'bridge').count(), 0);

      await proxy.start();
      // Backoff is capped at 30 s; nothing here clicks Retry.
      await expectBridge(w.page, 90_000);
    });
  });
});

void describe('Untrusted workspace in a real VS Code', () => {
  const bogus = '/nonexistent/berth-e2e-bogus.sock';
  const suite = workbenchSuite(true, (scratch) => ({
    workspace: emptyWorkspace(scratch, 'faults e2e', {
      'berth.dockerHost': `unix://${bogus}`,
      'berth.engines': [
        { name: 'bogus', host: `unix://${bogus}` },
        { name: 'system', host: 'unix:///var/run/docker.sock' },
      ],
    }),
    options: {
      settings: {
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.banner': 'always',
      },
    },
    // code-server's --disable-workspace-trust switches trust off in the page's configuration.
    opened: (wb) => reloadWithConfiguration(wb.page, { enableWorkspaceTrust: true }),
  }));

  void test('Berth ignores the workspace berth.dockerHost and berth.engines in Restricted Mode and lists the real engine', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'faults-untrusted', async () => {
      await w.page.getByText('Restricted Mode', { exact: false }).first().waitFor({ timeout: 60_000 });
      await expectBridge(w.page, 90_000);
      for (const name of views) {
        assert.doesNotMatch(await viewMessage(await expandView(w.page, name)), /berth-e2e-bogus/);
      }
      // One engine, so no engine roots: the workspace's list of engines did not count either.
      const networks = await expandView(w.page, 'Networks');
      assert.equal(await treeItem(networks, 'bogus').count(), 0, 'no root for an engine of the workspace');
      assert.equal(await treeItem(networks, 'bridge').first().getAttribute('aria-level'), '1');
    });
  });
});
