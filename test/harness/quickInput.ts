// The quick input widget: the command palette, quick picks and the steps of multi-step prompts.
// Multi-step dialogs reuse one widget, so typing as soon as "an input" is visible can land in the
// previous step: the prompt helpers wait for the step's own prompt before answering and for it to
// go away afterwards.
import type { Locator, Page } from 'playwright-core';
import { escapeRegExp, exactly } from './text';
import { retryUntil, waitFor } from './wait';

const widget = '.quick-input-widget';

async function isActive(row: Locator): Promise<boolean> {
  const classes = await row.getAttribute('class', { timeout: 2_000 }).catch(() => null);
  return /\bfocused\b/.test(classes ?? '');
}

/**
 * Clicks `row` of the quick input and waits until it was taken: the row is gone because the
 * widget closed or moved on to its next step. If it is still there, moves to it with the arrow
 * keys and presses Enter, as a person does when a click did not take.
 */
async function accept(page: Page, row: Locator, what: string): Promise<void> {
  const rows = page.locator(`${widget} .monaco-list-row`);
  // A step still loading shows no such row yet: "gone" counts only after it was there.
  await row.waitFor({ state: 'visible' });
  await retryUntil(
    what,
    async (attempt) => {
      if (attempt === 1) {
        await row.click();
        return;
      }
      const count = await rows.count();
      for (let step = 0; step <= count && !(await isActive(row)); step++)
        await page.keyboard.press('ArrowDown');
      if (!(await isActive(row))) throw new Error('the arrow keys never reached the row');
      // A row that went meanwhile was taken after all: Enter would answer the next step.
      if (await row.isVisible()) await page.locator(`${widget} input`).press('Enter');
    },
    async () => !(await row.isVisible()),
  );
}

/**
 * Runs a command by its palette title, e.g. `Berth: Show Output`, reopening the palette until the
 * command is listed: the palette filters what was registered when it opened, and code-server
 * registers the extension's contributions a while after the workbench appears.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator(`${widget} input`);
  const row = page.locator(`${widget} .monaco-list-row`).filter({
    has: page.locator('.label-name', { hasText: exactly(title) }),
  });
  await waitFor(
    `"${title}" in the command palette`,
    async () => {
      await page.keyboard.press('Escape');
      await page.locator('.monaco-workbench').focus();
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible' });
      await input.fill(`>${title}`);
      await row.first().waitFor({ state: 'visible', timeout: 5_000 });
      return true;
    },
    90_000,
  );
  await accept(page, row.first(), `the command palette to run "${title}"`);
}

/** Picks the quick-pick row whose label (icons aside) is `label`, not its description. */
export async function quickPick(page: Page, label: string): Promise<void> {
  const row = page.locator(`${widget} .monaco-list-row`).filter({
    has: page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }),
  });
  const input = page.locator(`${widget} input`);
  await waitFor(`"${label}" in the quick pick`, async () => {
    if (await row.first().isVisible()) return true;
    // A long list draws only the rows in view: type the label, as a person narrows the list.
    if ((await input.isVisible()) && (await input.inputValue()) !== label) await input.fill(label);
    return undefined;
  });
  await accept(page, row.first(), `the quick pick to take "${label}"`);
}

/**
 * Waits until `done`, answering Berth's "which object?" pick (its placeholder is `placeholder`)
 * with `label` if it comes. A context-menu command receives its row only if VS Code can still
 * resolve the row's handle; while other suites churn the shared engine, a tree refresh can race
 * the click, the command gets no row, and Berth asks, as it does from the Command Palette.
 */
export async function answerIfAsked(
  page: Page,
  placeholder: string,
  label: string,
  done: () => Promise<boolean>,
  timeoutMs?: number,
): Promise<void> {
  await answerEachAsked(page, [[placeholder, label]], done, timeoutMs);
}

/**
 * Like answerIfAsked, for a command that may ask several questions in turn: each pick whose
 * placeholder is one of `answers` gets that answer's label.
 */
export async function answerEachAsked(
  page: Page,
  answers: readonly (readonly [placeholder: string, label: string])[],
  done: () => Promise<boolean>,
  timeoutMs?: number,
): Promise<void> {
  const input = page.locator(`${widget} input`);
  await waitFor(
    'the action to run',
    async () => {
      if (await done()) return true;
      if (!(await input.isVisible())) return undefined;
      const asked = await input.getAttribute('placeholder');
      const answer = answers.find(([placeholder]) => placeholder === asked);
      if (answer) await quickPick(page, answer[1]);
      return undefined;
    },
    timeoutMs,
  );
}

async function showsPrompt(page: Page, prompt: RegExp): Promise<boolean> {
  const box = page.locator(widget);
  if (!(await box.isVisible())) return false;
  const placeholder = (await box.locator('input').getAttribute('placeholder')) ?? '';
  return prompt.test(`${await box.innerText()}\n${placeholder}`);
}

async function waitForPrompt(page: Page, prompt: RegExp): Promise<void> {
  await waitFor(`the prompt ${String(prompt)}`, async () =>
    (await showsPrompt(page, prompt)) ? true : undefined,
  );
}

/** Answers the step asking `prompt` with `text` (may be empty) and waits until that step is gone. */
export async function answerPrompt(page: Page, prompt: RegExp, text: string): Promise<void> {
  await waitForPrompt(page, prompt);
  const input = page.locator(`${widget} input`);
  await input.fill(text);
  await input.press('Enter');
  await waitFor(`the prompt ${String(prompt)} to be answered`, async () =>
    (await showsPrompt(page, prompt)) ? undefined : true,
  );
}

/** Types `text` into the step asking `prompt` and returns the validation message it shows. */
export async function validationMessage(
  page: Page,
  prompt: RegExp,
  text: string,
  expected: RegExp,
): Promise<string> {
  await waitForPrompt(page, prompt);
  await page.locator(`${widget} input`).fill(text);
  return waitFor(`the validation message ${String(expected)}`, async () => {
    const shown = await page.locator(widget).innerText();
    return expected.test(shown) ? shown : undefined;
  });
}
