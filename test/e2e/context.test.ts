// Which engine Berth talks to, in a real VS Code: the docker CLI's contexts from a private
// DOCKER_CONFIG and "Switch Docker Context…" (status bar and trees follow), and the one-time
// warning for an engine reached over plain tcp://. Both engines are the real one, seen through
// ScopedEngine relays; the context's relay shows only this suite's scoped objects, so the trees
// differ visibly between the two contexts.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { createNetwork, engine, runId, Tracker, uniqueName } from '../harness/engine';
import { expectNotification } from '../harness/dialogs';
import { guarded } from '../harness/evidence';
import { quickPick, runCommand } from '../harness/quickInput';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import { escapeRegExp } from '../harness/text';
import { expectTreeItem, expectTreeItemGone, openBerthView, statusBarText, treeItem } from '../harness/views';
import { waitFor } from '../harness/wait';
import { ScopedEngine } from './scopedEngine';

/** Writes a context the way `docker context create NAME --docker host=HOST` stores it. */
function writeContext(configDir: string, name: string, host: string): void {
  const dir = path.join(configDir, 'contexts', 'meta', createHash('sha256').update(name).digest('hex'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'meta.json'),
    JSON.stringify({
      Name: name,
      Metadata: { Description: `berth e2e ${name}` },
      Endpoints: { docker: { Host: host, SkipTLSVerify: false } },
    }),
  );
}

async function expectStatusBar(page: Page, text: RegExp): Promise<string> {
  return waitFor(`the status bar to show ${String(text)}`, () => statusBarText(page, text), 90_000);
}

void describe('Docker contexts in a real VS Code', () => {
  const tracker = new Tracker();
  const scopeLabel = 'berth.e2e.scope';
  const scopeValue = `context-${runId}`;
  let relay: ScopedEngine | undefined;
  let configDir = '';
  const names = { shared: '', hidden: '' };
  const suite = workbenchSuite(true, async (scratch) => {
    relay = await ScopedEngine.start({
      scope: (labels) => labels?.['berth.test'] === runId && labels[scopeLabel] === scopeValue,
    });
    // "berth-a-…" sorts right below the built-in networks, on screen however full the engine is.
    names.shared = (
      await createNetwork(tracker, { name: uniqueName('a-ctx-both'), labels: { [scopeLabel]: scopeValue } })
    ).name;
    names.hidden = (await createNetwork(tracker, { name: uniqueName('a-ctx-local') })).name;
    configDir = path.join(scratch, 'docker-config');
    mkdirSync(configDir);
    writeFileSync(path.join(configDir, 'config.json'), JSON.stringify({ currentContext: 'berth-relay' }));
    writeContext(configDir, 'berth-relay', relay.host);
    writeContext(configDir, 'berth-local', 'unix:///var/run/docker.sock');
    return {
      workspace: emptyWorkspace(scratch, 'context e2e'),
      // Empty DOCKER_HOST / DOCKER_CONTEXT: the config's currentContext decides, as for the CLI.
      options: { env: { DOCKER_CONFIG: configDir, DOCKER_HOST: '', DOCKER_CONTEXT: '' } },
    };
  });

  after(async () => {
    await relay?.dispose();
    await tracker.cleanup();
  });

  void test('the status bar names the current context; switching updates it and the trees', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    const version = (await engine().version()).Version;
    await guarded(w.page, 'context-switch', async () => {
      const networks = await openBerthView(w.page, 'Networks');
      await expectStatusBar(w.page, new RegExp(`^berth-relay · ${escapeRegExp(version)}$`));
      await expectTreeItem(treeItem(networks, names.shared));
      assert.equal(await treeItem(networks, names.hidden).count(), 0, 'the relay context hides it');

      await runCommand(w.page, 'Berth: Switch Docker Context…');
      const relayRow = w.page
        .locator('.quick-input-widget .monaco-list-row')
        .filter({ hasText: 'berth-relay' })
        .first();
      await relayRow.waitFor();
      assert.match(await relayRow.innerText(), /docker CLI current/, 'the CLI’s current context is marked');
      await quickPick(w.page, 'berth-local');
      await expectStatusBar(w.page, new RegExp(`^berth-local · ${escapeRegExp(version)}$`));
      await expectTreeItem(treeItem(networks, names.hidden));
      await expectTreeItem(treeItem(networks, names.shared));

      // Berth keeps its choice in its own setting (a machine-overridable one, so in a remote
      // window VS Code writes it to the remote's Machine settings) and leaves the docker CLI's
      // current context alone.
      const settingsFiles = ['User', 'Machine'].map((scope) =>
        path.join(w.server.userDataDir, scope, 'settings.json'),
      );
      await waitFor('berth.dockerContext in the settings', () => {
        const chosen = settingsFiles.some((file) => {
          if (!existsSync(file)) return false;
          const settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
          return settings['berth.dockerContext'] === 'berth-local';
        });
        return Promise.resolve(chosen ? true : undefined);
      });
      const config = JSON.parse(readFileSync(path.join(configDir, 'config.json'), 'utf8')) as {
        currentContext?: string;
      };
      assert.equal(config.currentContext, 'berth-relay');

      await runCommand(w.page, 'Berth: Switch Docker Context…');
      await quickPick(w.page, 'Automatic');
      await expectStatusBar(w.page, new RegExp(`^berth-relay · ${escapeRegExp(version)}$`));
      await expectTreeItemGone(treeItem(networks, names.hidden));
    });
  });
});

void describe('Plain tcp:// in a real VS Code', () => {
  const tracker = new Tracker();
  let relay: ScopedEngine | undefined;
  const suite = workbenchSuite(true, async (scratch) => {
    relay = await ScopedEngine.start({ tcp: true });
    return {
      workspace: emptyWorkspace(scratch, 'tcp e2e'),
      options: { env: { DOCKER_HOST: relay.host } },
    };
  });

  after(async () => {
    await relay?.dispose();
    await tracker.cleanup();
  });

  void test('the views load and a warning names the host as unencrypted, once', async (t) => {
    const w = suite.workbench(t);
    if (!w || !relay) return;
    const host = relay.host;
    const warning = `Berth reaches the Docker engine at ${host} over plain TCP without TLS.`;
    const matching = w.page.locator('.notification-list-item').filter({ hasText: warning });
    await guarded(w.page, 'context-tcp', async () => {
      const networks = await openBerthView(w.page, 'Networks');
      await expectTreeItem(treeItem(networks, 'bridge'), 90_000);
      await expectStatusBar(w.page, new RegExp(`^${escapeRegExp(host)} · `));
      const shown = await expectNotification(w.page, warning);
      assert.match(shown, /Anyone who can reach that port controls the engine/);
      assert.equal(await matching.count(), 1);

      await runCommand(w.page, 'Notifications: Clear All Notifications');
      await matching.first().waitFor({ state: 'detached' });
      // A full reconnect and a later engine change both reach the code that warns.
      await runCommand(w.page, 'Berth: Retry Connecting to Docker');
      const later = await createNetwork(tracker, { name: uniqueName('a-tcp-later') });
      await expectTreeItem(treeItem(networks, later.name));
      await expectStatusBar(w.page, new RegExp(`^${escapeRegExp(host)} · \\d`));
      await runCommand(w.page, 'Notifications: Show Notifications');
      await w.page.locator('.notifications-center').waitFor({ state: 'visible' });
      assert.equal(await matching.count(), 0, 'the warning came again after it was dismissed');
    });
  });
});
