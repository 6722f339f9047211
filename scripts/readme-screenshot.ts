// Makes media/screenshot.png for the README from a real run: the notes' two services on a
// user-defined network in the local engine, Berth in code-server, a flawed Dockerfile open with
// its diagnostics. Everything it creates on the engine is labelled and removed afterwards.
//
//   node --import tsx scripts/readme-screenshot.ts dist/berth.vsix media/screenshot.png
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createContainer, createNetwork, createVolume, Tracker } from '../test/harness/engine';
import { openFile } from '../test/harness/editor';
import { expectProblem } from '../test/harness/panel';
import { expandTreeItem, openBerthView, treeItem } from '../test/harness/views';
import { openWorkbench, type Workbench } from '../test/harness/workbench';

async function main(vsix: string, png: string): Promise<void> {
  const tracker = new Tracker();
  const scratch = mkdtempSync(path.join(tmpdir(), 'berth-shot-'));
  let wb: Workbench | undefined;
  try {
    const net = await createNetwork(tracker, { name: 'my_net' });
    const data = await createVolume(tracker, 'orders-data');
    for (const name of ['orderservice', 'userservice'])
      await createContainer(tracker, {
        name,
        start: true,
        networks: { [net.name]: { aliases: [name.replace('service', '')] } },
        networkMode: net.name,
        volumes: name === 'orderservice' ? [{ name: data, destination: '/var/lib/orders' }] : [],
      });
    await createContainer(tracker, { name: 'legacy-web', start: true, ports: [{ container: 80 }] });
    const workspace = path.join(scratch, 'workspace');
    cpSync(path.resolve(__dirname, '..', 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    wb = await openWorkbench(workspace, { vsix: [vsix] });
    const networks = await openBerthView(wb.page, 'Networks');
    await expandTreeItem(treeItem(networks, 'my_net'));
    await treeItem(networks, 'orderservice').waitFor();
    await expandTreeItem(treeItem(networks, 'bridge'));
    await openFile(wb.page, 'Dockerfile');
    await expectProblem(wb.page, /EXPOSE/);
    await wb.page.screenshot({ path: path.resolve(png) });
    console.log(`saved ${path.resolve(png)}`);
  } finally {
    await wb?.close();
    await tracker.cleanup();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const [vsix, png] = process.argv.slice(2);
if (!vsix || !png) {
  console.error('usage: readme-screenshot.ts <berth.vsix> <screenshot.png>');
  process.exit(2);
}
main(path.resolve(vsix), png).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
