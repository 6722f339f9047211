// Issue 4 (and 6) in a real VS Code: a diagnostic appears as you type, its quick fix edits the
// text, hovers explain instructions and rules, the language server comes back after a crash or a
// restart command, and berth.lint.language changes the language of findings at once.
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  applyQuickFix,
  clickEditorText,
  editorText,
  focusEditor,
  hoverText,
  openFile,
} from '../harness/editor';
import { guarded } from '../harness/evidence';
import { languageServerPids, newLanguageServer } from '../harness/languageServer';
import { expectOutput, expectProblem, problems } from '../harness/panel';
import { runCommand } from '../harness/quickInput';
import { setEnumSetting, setNumberSetting } from '../harness/settings';
import { fixtureWorkspace, workbenchSuite } from '../harness/suite';
import { waitFor } from '../harness/wait';

const fixture = path.resolve(__dirname, '..', 'fixtures', 'e2e', 'lint');
const mappingProblem = (mapping: string) =>
  `\`${mapping}\` is a publish mapping; it belongs to \`docker run -p ${mapping}\`.`;

/** Types `line` as a new last line of the active editor. */
async function typeLastLine(page: Page, line: string): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(line);
  // Completion may have popped up on the keyword; nothing else must be accepted.
  await page.keyboard.press('Escape');
}

void describe('Dockerfile language features in a real VS Code', () => {
  const suite = workbenchSuite(false, (scratch) => ({ workspace: fixtureWorkspace(scratch, fixture) }));

  void test('typing EXPOSE 80:80 shows the diagnostic in Problems; the light bulb fix keeps 80', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'lint-quick-fix', async () => {
      await openFile(w.page, 'Dockerfile');
      await expectOutput(w.page, 'Berth', /Dockerfile language server \S+ is running/);
      assert.deepEqual(
        (await problems(w.page)).filter((row) => row.includes('publish mapping')),
        [],
        'the clean fixture must start without the EXPOSE problem',
      );
      await typeLastLine(w.page, 'EXPOSE 80:80');
      const rows = await expectProblem(w.page, mappingProblem('80:80'));
      assert.ok(
        rows.some((row) => row.includes('expose-host-mapping')),
        `the problem names its rule: ${rows.join(' | ')}`,
      );

      // Inside the flagged word, where the light bulb offers the rule's fix.
      await clickEditorText(w.page, '80:80');
      await applyQuickFix(w.page, 'Keep only 80');
      const fixed = await waitFor('the quick fix to edit the text', async () => {
        const text = await editorText(w.page);
        return /^EXPOSE 80$/m.test(text) ? text : undefined;
      });
      assert.doesNotMatch(fixed, /80:80/);
      await waitFor('the problem to go away', async () =>
        (await problems(w.page)).some((row) => row.includes('publish mapping')) ? undefined : true,
      );
    });
  });

  void test('hovers show the instruction docs, and the rule docs on a flagged word', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'lint-hover', async () => {
      await openFile(w.page, 'Dockerfile');
      const workdir = await hoverText(w.page, 'WORKDIR', 'sets the working directory for the following RUN');
      assert.match(workdir, /WORKDIR/);

      await typeLastLine(w.page, 'EXPOSE 127.0.0.1:8080');
      await expectProblem(w.page, mappingProblem('127.0.0.1:8080'));
      // Wait for the rule's own doc: the problem's marker hover alone already names the rule id.
      const rule = await hoverText(
        w.page,
        '127.0.0.1:8080',
        'EXPOSE with a host:container or ip:port mapping',
      );
      assert.match(rule, /expose-host-mapping/);
    });
  });

  void test('berth.lint.maxInstructions cuts the lint with a notice, and 0 brings the rest back', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'lint-instruction-limit', async () => {
      await openFile(w.page, 'long.Dockerfile');
      const cdProblem = /This `cd` ends the RUN/;
      const notice = 'Berth checked the first 5 instructions and stopped here, at line 6';
      const countCd = async (): Promise<number> =>
        (await problems(w.page)).filter((row) => cdProblem.test(row)).length;
      await waitFor('the three RUN cd problems', async () => ((await countCd()) === 3 ? true : undefined));

      await setNumberSetting(
        w.page,
        w.server.userDataDir,
        'berth.lint.maxInstructions',
        'Max Instructions',
        5,
        'long.Dockerfile',
      );
      await expectProblem(w.page, notice);
      // Line 5's RUN is the fifth instruction: it is still checked, the two after it are not.
      await waitFor('only the RUN cd before the limit', async () =>
        (await countCd()) === 1 ? true : undefined,
      );

      // 0 reads every instruction (1000, the default, would be dropped from settings.json).
      await setNumberSetting(
        w.page,
        w.server.userDataDir,
        'berth.lint.maxInstructions',
        'Max Instructions',
        0,
        'long.Dockerfile',
      );
      await waitFor('the notice to go and the rest to come back', async () => {
        const rows = await problems(w.page);
        return !rows.some((row) => row.includes(notice)) && (await countCd()) === 3 ? true : undefined;
      });
    });
  });

  void test('the language server comes back after SIGKILL and after "Restart Dockerfile Language Server"', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'lint-server-restart', async () => {
      await openFile(w.page, 'Dockerfile');
      const first = await newLanguageServer(w.server.extensionsDir);

      process.kill(first, 'SIGKILL');
      const second = await newLanguageServer(w.server.extensionsDir, [first]);
      assert.ok(!languageServerPids(w.server.extensionsDir).includes(first), 'the killed server is gone');
      await typeLastLine(w.page, 'EXPOSE 8081:81');
      await expectProblem(w.page, mappingProblem('8081:81'));

      await runCommand(w.page, 'Berth: Restart Dockerfile Language Server');
      const third = await newLanguageServer(w.server.extensionsDir, [first, second]);
      assert.notEqual(third, second);
      await typeLastLine(w.page, 'EXPOSE 8082:82');
      await expectProblem(w.page, mappingProblem('8082:82'));
    });
  });

  void test('berth.lint.language set to zh-cn in Settings turns the Problems row Chinese, same server', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'lint-language', async () => {
      await openFile(w.page, 'Dockerfile');
      await typeLastLine(w.page, 'EXPOSE 8090:90');
      await expectProblem(w.page, mappingProblem('8090:90'));
      const servers = languageServerPids(w.server.extensionsDir);

      await setEnumSetting(
        w.page,
        w.server.userDataDir,
        'berth.lint.language',
        'Language',
        'zh-cn',
        'Dockerfile',
      );
      const rows = await expectProblem(w.page, '`8090:90` 是发布映射，应该写在 `docker run -p 8090:90` 里。');
      assert.ok(
        !rows.some((row) => row.includes(mappingProblem('8090:90'))),
        `no English row left: ${rows.join(' | ')}`,
      );
      assert.deepEqual(
        languageServerPids(w.server.extensionsDir),
        servers,
        'no restart: the same server answers',
      );

      await setEnumSetting(
        w.page,
        w.server.userDataDir,
        'berth.lint.language',
        'Language',
        'en',
        'Dockerfile',
      );
      await expectProblem(w.page, mappingProblem('8090:90'));
    });
  });

  void test('a .hadolint.yaml written or removed beside an open Dockerfile changes its problems at once', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    const workspace = path.join(suite.scratch, 'workspace');
    const config = path.join(workspace, '.hadolint.yaml');
    const untagged = '`nginx` has no tag, so it means `nginx:latest`. Pin a version tag.';
    const shown = async (): Promise<boolean> =>
      (await problems(w.page)).some((row) => row.includes(untagged));
    const filter = w.page.locator('input[aria-label="Filter Problems"]');
    writeFileSync(path.join(workspace, 'watched.Dockerfile'), 'FROM nginx\n');
    await guarded(w.page, 'lint-config-watch', async () => {
      try {
        await openFile(w.page, 'watched.Dockerfile');
        // The Problems list draws only the rows in view, and the suite's other files fill it by now.
        await problems(w.page);
        await filter.fill('from-untagged');
        await expectProblem(w.page, untagged);
        // Written by another program, as a git checkout or a terminal would: VS Code's watcher reports it.
        writeFileSync(config, 'ignored: [DL3006]\n');
        await waitFor("the ignored rule's problem to go", async () => ((await shown()) ? undefined : true));
        rmSync(config);
        await waitFor('the problem to come back', async () => ((await shown()) ? true : undefined));
      } finally {
        rmSync(config, { force: true });
        await filter.fill('').catch(() => undefined);
      }
    });
  });

  void test('a rule that is off until given a severity comes on with a .hadolint.yaml override, and goes with it', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    const workspace = path.join(suite.scratch, 'workspace');
    const config = path.join(workspace, '.hadolint.yaml');
    const has = (rows: string[], code: string): boolean => rows.some((row) => row.includes(code));
    const filter = w.page.locator('input[aria-label="Filter Problems"]');
    // A shell-form CMD, so that a problem of its own shows the file was linted.
    writeFileSync(
      path.join(workspace, 'healthcheck.Dockerfile'),
      'FROM nginx:1.27\nCMD nginx -g "daemon off;"\n',
    );
    await guarded(w.page, 'lint-off-rule', async () => {
      try {
        await openFile(w.page, 'healthcheck.Dockerfile');
        await problems(w.page);
        await filter.fill('**/healthcheck.Dockerfile');
        const linted = await waitFor('the file linted', async () => {
          const rows = await problems(w.page);
          return has(rows, 'shell-form-cmd') ? rows : undefined;
        });
        assert.ok(!has(linted, 'healthcheck-missing'), 'healthcheck-missing is off by default');
        writeFileSync(config, 'override:\n  warning: [DL3057]\n');
        await waitFor('healthcheck-missing to come on', async () =>
          has(await problems(w.page), 'healthcheck-missing') ? true : undefined,
        );
        rmSync(config);
        await waitFor('healthcheck-missing to go again', async () => {
          const rows = await problems(w.page);
          return has(rows, 'shell-form-cmd') && !has(rows, 'healthcheck-missing') ? true : undefined;
        });
      } finally {
        rmSync(config, { force: true });
        await filter.fill('').catch(() => undefined);
      }
    });
  });
});
