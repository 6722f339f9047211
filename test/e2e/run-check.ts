// `scripts/run-berth.sh --check <png>`: starts Berth the way the run command does (the packaged
// VSIX in code-server on the sample workspace), verifies in Chromium that the Berth views appear
// and the language server runs, and saves a screenshot of that moment.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { openFile } from '../harness/editor';
import { expectOutput } from '../harness/panel';
import { expectViewVisible, openBerthViews } from '../harness/views';
import { openWorkbench, type Workbench } from '../harness/workbench';

async function main(screenshotPath: string, vsix: string): Promise<void> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'berth-check-'));
  const workspace = path.join(scratch, 'workspace');
  cpSync(path.resolve(__dirname, '..', 'fixtures', 'workspace'), workspace, { recursive: true });
  let wb: Workbench | undefined;
  try {
    wb = await openWorkbench(workspace, { vsix: [vsix] });
    await openBerthViews(wb.page);
    for (const name of ['Networks', 'Volumes', 'Containers']) await expectViewVisible(wb.page, name);
    console.log('✔ the Networks, Volumes and Containers views are visible');
    await openFile(wb.page, 'Dockerfile');
    const output = await expectOutput(wb.page, 'Berth', /Dockerfile language server \S+ is running[^\n]*/);
    console.log(`✔ ${/Dockerfile language server \S+ is running[^\n]*/.exec(output)?.[0]}`);
    await wb.page.screenshot({ path: path.resolve(screenshotPath) });
    console.log(`✔ screenshot saved to ${path.resolve(screenshotPath)}`);
  } finally {
    await wb?.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

const [screenshotPath, vsix] = process.argv.slice(2);
if (!screenshotPath || !vsix) {
  console.error('usage: run-check.ts <screenshot.png> <berth.vsix>');
  process.exit(2);
}
main(screenshotPath, vsix).catch((error: unknown) => {
  console.error(`✘ ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
