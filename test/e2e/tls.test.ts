// A tcp:// engine with TLS in a real VS Code, as the docker CLI's environment sets it up: a relay
// on 127.0.0.2 (an address VS Code's proxy support does not treat as local, so its agent handling
// applies as for a remote host) demands a client certificate and forwards to the real engine.
// Verified TLS (DOCKER_TLS_VERIFY) and unverified TLS (DOCKER_TLS alone) each load the views.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { createNetwork, Tracker, uniqueName } from '../harness/engine';
import { guarded } from '../harness/evidence';
import { requireOrSkip } from '../harness/require';
import { emptyWorkspace, workbenchSuite } from '../harness/suite';
import { escapeRegExp } from '../harness/text';
import { certRoot, issue, makeAuthority, opensslMissingReason, TlsRelay } from '../harness/tlsRelay';
import { expectTreeItem, openBerthView, statusBarText, treeItem } from '../harness/views';
import { waitFor } from '../harness/wait';

const address = '127.0.0.2';

function tlsSuite(mode: 'verified' | 'unverified'): void {
  void describe(`tcp:// with ${mode} TLS in a real VS Code`, () => {
    const tracker = new Tracker();
    const missing = opensslMissingReason();
    let relay: TlsRelay | undefined;
    let root = '';
    let network = '';
    const suite = workbenchSuite(true, async (scratch) => {
      if (missing) return { workspace: emptyWorkspace(scratch, `tls ${mode} e2e`) };
      root = certRoot();
      const ca = makeAuthority(root, 'engine-ca');
      // Unverified TLS is for a server whose certificate the client cannot check: another CA's.
      const serverCa = mode === 'verified' ? ca : makeAuthority(root, 'unknown-ca');
      const server = issue(serverCa, path.join(root, 'server'), 'server', '', `IP:${address}`);
      const certs = path.join(root, 'client');
      issue(ca, certs, 'client');
      fs.copyFileSync(ca.cert, path.join(certs, 'ca.pem'));
      relay = new TlsRelay({ clientCa: ca.cert, serverCert: server.cert, serverKey: server.key, address });
      await relay.start();
      network = (await createNetwork(tracker, { name: uniqueName(`a-tls-${mode}`) })).name;
      const tls =
        mode === 'verified'
          ? { DOCKER_TLS_VERIFY: '1', DOCKER_TLS: '' }
          : { DOCKER_TLS_VERIFY: '', DOCKER_TLS: '1' };
      return {
        workspace: emptyWorkspace(scratch, `tls ${mode} e2e`),
        options: { env: { DOCKER_HOST: relay.host, DOCKER_CERT_PATH: certs, DOCKER_CONTEXT: '', ...tls } },
      };
    });

    after(async () => {
      await relay?.dispose();
      await tracker.cleanup();
      if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    void test('the views load through the relay, with the client certificate', async (t) => {
      const w = suite.workbench(t);
      if (!w || !requireOrSkip(t, !missing, missing ?? '')) return;
      await guarded(w.page, `tls-${mode}`, async () => {
        const networks = await openBerthView(w.page, 'Networks');
        await expectTreeItem(treeItem(networks, network), 90_000);
        await waitFor('the status bar to name the engine', () =>
          statusBarText(w.page, new RegExp(`^${escapeRegExp(relay!.host)} · \\d`)),
        );
      });
    });
  });
}

tlsSuite('verified');
tlsSuite('unverified');
