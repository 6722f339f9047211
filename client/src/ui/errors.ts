import * as vscode from 'vscode';
import { engineMessage } from '../engine/operations/engineCall';
import { log } from '../log';

export { engineMessage };

function statusCode(error: unknown): number | undefined {
  const code =
    typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof code === 'number' ? code : undefined;
}

/** What to do next, by HTTP status: the engine's text says what went wrong, this says what now. */
export function nextStep(error: unknown): string {
  switch (statusCode(error)) {
    case 304:
      return vscode.l10n.t('Nothing changed: it was already in that state.');
    case 400:
      return vscode.l10n.t('Correct the values named above and try again.');
    case 403:
      return vscode.l10n.t(
        'The engine refused this operation for this object; built-in networks and objects in use cannot be changed this way.',
      );
    case 404:
      return vscode.l10n.t('It may have been removed meanwhile: refresh the view and try again.');
    case 409:
      return vscode.l10n.t(
        'It conflicts with the current state (in use, already exists or still running): resolve that first, then try again.',
      );
    case 500:
      return vscode.l10n.t(
        'The engine failed; the Berth output has the details. Check the engine logs if it happens again.',
      );
    default:
      return vscode.l10n.t('Check that the engine is reachable, then try again.');
  }
}

/** Shows an engine failure word for word with the next step, and logs it. */
export function showEngineError(what: string, error: unknown): void {
  const message = engineMessage(error);
  log().error(`${what}: ${message}`);
  const showOutput = vscode.l10n.t('Show Output');
  void vscode.window
    .showErrorMessage(`${what}: ${message} — ${nextStep(error)}`, showOutput)
    .then((answer) => {
      if (answer === showOutput) log().show();
    });
}
