// How a command's failure reaches the user, the same way for every command: our own words as
// they are, a cancel as a cancel, engine errors word for word with what to do next.
import * as vscode from 'vscode';
import { ValidationError } from '../engine/operations/engineCall';
import { log } from '../log';
import { ActionFailure, CancelledError, UserError } from '../shared/failures';
import { engineMessage, showEngineError } from '../ui/errors';
import { problemText } from './validate';

/** A refusal in words the user reads: our own check translated, or the engine's text as it is. */
export function failureText(error: unknown): string {
  return error instanceof ValidationError
    ? (problemText(error.problem) ?? error.message)
    : engineMessage(error);
}

/** The one error policy: runs a command and reports its failure; `failure` names what failed. */
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
  } else if (error instanceof ActionFailure) {
    void vscode.window.showErrorMessage(`${failure}: ${error.message}`, { modal: error.modal });
  } else {
    showEngineError(failure, error);
  }
}
