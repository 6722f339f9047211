// Issue 13 in a real VS Code: completion of a stage after `COPY --from=`, the stages in the
// Outline (and a Compose file's, answered by the same server), F2 on a stage name, Format
// Document on a badly indented RUN block, and FROM completion offering an image that exists only
// on the test engine.
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openFile } from '../harness/editor';
import { runId, Tracker } from '../harness/engine';
import { guarded } from '../harness/evidence';
import { commitTestImage, removeTestImage } from '../harness/images';
import { expectOutput } from '../harness/panel';
import { runCommand } from '../harness/quickInput';
import {
  acceptSuggestion,
  editorTextWhen,
  outlineShows,
  renameWithF2,
  typeOnNewLastLine,
} from '../harness/suggest';
import { fixtureWorkspace, workbenchSuite } from '../harness/suite';
import { expectTreeItem, openBerthView, treeItem } from '../harness/views';
import { waitFor } from '../harness/wait';

const fixture = path.resolve(__dirname, '..', 'fixtures', 'e2e', 'language');

void describe('Dockerfile language features in a real VS Code', () => {
  const suite = workbenchSuite(false, (scratch) => ({ workspace: fixtureWorkspace(scratch, fixture) }));

  void test('Ctrl+Space after COPY --from= offers the earlier stage; accepting it inserts it', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'language-copy-from', async () => {
      await openFile(w.page, 'completion.Dockerfile');
      await expectOutput(w.page, 'Berth', /Dockerfile language server \S+ is running/);
      await typeOnNewLastLine(w.page, 'COPY --from=');
      const shown = await acceptSuggestion(w.page, 'builder');
      assert.ok(shown.includes('builder'), `the list offered: ${shown.join(', ')}`);
      await editorTextWhen(w.page, 'the stage name to be inserted', (text) =>
        /^COPY --from=builder$/m.test(text),
      );
    });
  });

  void test('the Outline shows the stages', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'language-outline', async () => {
      await openFile(w.page, 'stages.Dockerfile');
      const labels = await outlineShows(w.page, ['builder', 'tester', 'stage 2']);
      assert.deepEqual(labels.slice(0, 3), ['builder', 'tester', 'stage 2']);
    });
  });

  void test('a Compose file in the same window gets its own Outline from the same server', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'language-compose-outline', async () => {
      await openFile(w.page, 'compose.yaml');
      const labels = await outlineShows(w.page, ['services', 'networks']);
      assert.deepEqual(labels.slice(0, 2), ['services', 'networks']);
    });
  });

  void test('F2 on a stage name renames every use', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'language-rename', async () => {
      await openFile(w.page, 'stages.Dockerfile');
      await renameWithF2(w.page, 'AS builder', 'compiler');
      const text = await editorTextWhen(
        w.page,
        'every use of the stage to be renamed',
        (t) => !/builder/.test(t) && /AS compiler/.test(t),
      );
      assert.match(text, /^FROM compiler AS tester$/m);
      assert.match(text, /^COPY --from=compiler \/out\.txt \/out\.txt$/m);
    });
  });

  void test('Format Document fixes a badly indented RUN \\ block', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'language-format', async () => {
      await openFile(w.page, 'format.Dockerfile');
      // One indentation step for every continuation line, whatever step the editor detected.
      const formatted = /^RUN apk add --no-cache \\\n( +)curl \\\n\1git \\\n\1&& rm -rf \/tmp\/\*$/m;
      // The command is offered once the server has registered as the formatter: try again until then.
      await waitFor('Format Document to reformat the RUN block', async () => {
        await runCommand(w.page, 'Format Document');
        return formatted.test(await editorTextWhen(w.page, 'the text', () => true)) ? true : undefined;
      });
    });
  });
});

void describe('FROM completion with the engine connected', () => {
  const tracker = new Tracker();
  // A repository only this run's engine has: nothing else could have offered it.
  const repository = `berth-e2e-${runId}/from-completion`;
  const image = `${repository}:1.0`;

  const suite = workbenchSuite(true, async (scratch) => {
    await commitTestImage(tracker, repository, '1.0');
    return { workspace: fixtureWorkspace(scratch, fixture) };
  });

  after(async () => {
    // The container it was committed from goes first: the engine keeps an image a container uses.
    await tracker.cleanup();
    await removeTestImage(image);
  });

  void test('a FROM completion offers an image that exists only on the test engine', async (t) => {
    const w = suite.workbench(t);
    if (!w) return;
    await guarded(w.page, 'language-from-image', async () => {
      // The Berth view connects the engine; the Networks view listing bridge says it is up.
      const networks = await openBerthView(w.page, 'Networks');
      await expectTreeItem(treeItem(networks, 'bridge'));
      await openFile(w.page, 'images.Dockerfile');
      await typeOnNewLastLine(w.page, `FROM berth-e2e-${runId}`);
      const shown = await acceptSuggestion(w.page, image);
      assert.ok(shown.includes(image), `the list offered: ${shown.join(', ')}`);
      await editorTextWhen(w.page, 'the image to be inserted', (text) => text.includes(`FROM ${image}`));
    });
  });
});
