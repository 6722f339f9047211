// How a command's failure reaches the user, the same way for every command: our own words as
// they are, a cancel as a cancel, engine errors word for word with what to do next.
import * as vscode from 'vscode';
import { ValidationError } from '../engine/operations/engineCall';
import { log } from '../log';
import { engineMessage, showEngineError } from '../ui/errors';
import { ArchiveRejectedError } from '../volumes/core/archiveRules';
import { CancelledError } from '../volumes/core/engineErrors';
import { RollbackFailedError } from '../volumes/core/restore';
import { problemText } from './validate';

/** A failure the user can fix, said in our words (bad input, nothing to act on). */
export class UserError extends Error {}

/** A refusal in words the user reads: our own check translated, or the engine's text as it is. */
export function failureText(error: unknown): string {
  return error instanceof ValidationError
    ? (problemText(error.problem) ?? error.message)
    : engineMessage(error);
}

/** The one error policy: runs a command and reports its failure, prefixed with `failure` where it helps. */
export async function runGuarded(failure: string, task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    report(failure, error);
  }
}

function report(failure: string, error: unknown): void {
  if (error instanceof CancelledError) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0}: cancelled. Nothing was changed.', failure));
  } else if (error instanceof UserError || error instanceof ValidationError) {
    const message = failureText(error);
    log().warn(`${failure}: ${message}`);
    void vscode.window.showErrorMessage(message);
  } else if (error instanceof ArchiveRejectedError) {
    void vscode.window.showErrorMessage(`${failure}: ${error.message}`);
  } else if (error instanceof RollbackFailedError) {
    // The user must read where the previous contents are kept before going on.
    void vscode.window.showErrorMessage(`${failure}: ${error.message}`, { modal: true });
  } else {
    showEngineError(failure, error);
  }
}
