// An ssh:// engine in a real VS Code, reached the way ssh reaches it: DOCKER_HOST names a host
// alias of ~/.ssh/config, whose HostName, Port, User, IdentityFile and ProxyCommand (a relay
// program, as `nc %h %p`) lead to a private sshd on 127.0.0.1 that runs `docker system
// dial-stdio` against the real engine. There is no ssh-agent, and the key file is behind a
// passphrase: Berth asks for it when the login reaches the key, again after a wrong one, and the
// views then load over SSH.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createNetwork, Tracker, uniqueName } from '../harness/engine';
import { guarded } from '../harness/evidence';
import { answerPrompt } from '../harness/quickInput';
import { requireOrSkip } from '../harness/require';
import { SshServer, sshMissingReason } from '../harness/sshServer';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import { escapeRegExp } from '../harness/text';
import { expectTreeItem, openBerthView, statusBarText, treeItem } from '../harness/views';
import { waitFor } from '../harness/wait';

const passphrase = 'berth e2e passphrase';
const alias = 'berth-e2e-ssh-box';

void describe('An ssh:// engine through ~/.ssh/config in a real VS Code', () => {
  const tracker = new Tracker();
  const sshReason = sshMissingReason();
  let server: SshServer | undefined;
  let key = '';
  let network = '';
  /** What the ProxyCommand relay writes as it starts and ends. */
  let relayRecord = '';
  const suite = workbenchSuite(true, async (scratch) => {
    if (sshReason) return { workspace: emptyWorkspace(scratch, 'ssh e2e') };
    server = new SshServer();
    await server.start();
    network = (await createNetwork(tracker, { name: uniqueName('a-ssh') })).name;
    // The extension host's own HOME, as a user's: ~/.ssh/config, known_hosts and a locked key.
    const home = path.join(scratch, 'home');
    const ssh = path.join(home, '.ssh');
    fs.mkdirSync(ssh, { recursive: true, mode: 0o700 });
    key = path.join(ssh, 'id_berth_e2e');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-f', key]);
    fs.appendFileSync(path.join(server.dir, 'authorized_keys'), fs.readFileSync(`${key}.pub`));
    relayRecord = path.join(scratch, 'relay-record');
    fs.writeFileSync(relayRecord, '');
    const relay = path.resolve(__dirname, '..', 'harness', 'proxyRelay.mjs');
    fs.writeFileSync(
      path.join(ssh, 'config'),
      [
        `Host ${alias}`,
        '  HostName 127.0.0.1',
        `  Port ${server.port}`,
        '  User root',
        `  IdentityFile ${key}`,
        `  ProxyCommand '${process.execPath}' '${relay}' %h %p '${relayRecord}'`,
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(ssh, 'known_hosts'), `[127.0.0.1]:${server.port} ${server.hostKeyLine()}\n`);
    return {
      workspace: emptyWorkspace(scratch, 'ssh e2e'),
      options: { env: { HOME: home, DOCKER_HOST: `ssh://${alias}`, DOCKER_CONTEXT: '', SSH_AUTH_SOCK: '' } },
    };
  });

  after(async () => {
    await server?.dispose();
    await tracker.cleanup();
  });

  void test('the passphrase is asked for the key ~/.ssh/config names, again after a wrong one, and the views load over SSH through its ProxyCommand', async (t) => {
    const w = suite.workbench(t);
    if (!w || !requireOrSkip(t, !sshReason, sshReason ?? '')) return;
    const host = `root@127.0.0.1:${server!.port}`;
    await guarded(w.page, 'ssh-passphrase', async () => {
      const logins = server!.logins();
      const networks = await openBerthView(w.page, 'Networks');
      await answerPrompt(
        w.page,
        new RegExp(`^Passphrase for ${escapeRegExp(key)}, to log in to ${escapeRegExp(host)}`, 'm'),
        'not the passphrase',
      );
      await answerPrompt(
        w.page,
        new RegExp(
          `Wrong passphrase for ${escapeRegExp(key)}\\. Try again to log in to ${escapeRegExp(host)}\\.`,
        ),
        passphrase,
      );
      await expectTreeItem(treeItem(networks, network), 120_000);
      await waitFor('the status bar to name the ssh:// engine', () =>
        statusBarText(w.page, new RegExp(`^ssh://${escapeRegExp(alias)} · `)),
      );
      assert.equal(server!.logins() - logins, 1, 'one SSH login carries the views');
      assert.equal(
        fs.readFileSync(relayRecord, 'utf8'),
        `started 127.0.0.1 ${server!.port}\n`,
        'the login did not go through the ProxyCommand, once',
      );
    });
  });
});
