// Multi-step dialogs reuse one quick-input widget, so typing as soon as "an input" is visible can
// land in the previous step. These helpers wait for the step's own prompt before answering and
// for it to go away afterwards.
import type { Page } from 'playwright-core';

const widget = '.quick-input-widget';

async function showsPrompt(page: Page, prompt: RegExp): Promise<boolean> {
  const box = page.locator(widget);
  if (!(await box.isVisible())) return false;
  const placeholder = (await box.locator('input').getAttribute('placeholder')) ?? '';
  return prompt.test(`${await box.innerText()}\n${placeholder}`);
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits for the input step whose prompt matches `prompt`. */
export async function waitForPrompt(page: Page, prompt: RegExp): Promise<void> {
  await until(`the prompt ${String(prompt)}`, () => showsPrompt(page, prompt));
}

/** Answers the step asking `prompt` with `text` (may be empty) and waits until that step is gone. */
export async function answerPrompt(page: Page, prompt: RegExp, text: string): Promise<void> {
  await waitForPrompt(page, prompt);
  const input = page.locator(`${widget} input`);
  await input.fill(text);
  await input.press('Enter');
  await until(`the prompt ${String(prompt)} to be answered`, async () => !(await showsPrompt(page, prompt)));
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
  let shown = '';
  await until(`the validation message ${String(expected)}`, async () => {
    shown = await page.locator(widget).innerText();
    return expected.test(shown);
  });
  return shown;
}
