// What every volume command shares: the engine tools, cancellable progress, and error reports
// that give the engine's words, a rejected archive entry, or nothing at all for a cancel.
import * as vscode from 'vscode';
import type { EngineSession } from '../engine/live/contract';
import { showEngineError } from '../ui/errors';
import { ArchiveRejectedError } from './core/archiveRules';
import { CancelledError } from './core/engineErrors';
import { RollbackFailedError } from './core/restore';
import type { VolumeTools } from './core/tools';

export interface VolumeCommandContext {
  session: EngineSession;
  /** The tools for the current engine connection; throws a readable error when not connected. */
  tools(): VolumeTools;
}

/** A failure said in our words: bad input, or nothing to act on. */
export class VolumeUserError extends Error {}

export function cancellableProgress<T>(
  title: string,
  work: (
    progress: vscode.Progress<{ message?: string; increment?: number }>,
    signal: AbortSignal,
  ) => Promise<T>,
): Thenable<T> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title, cancellable: true },
    (progress, token) => {
      const controller = new AbortController();
      const listener = token.onCancellationRequested(() => controller.abort());
      return work(progress, controller.signal).finally(() => {
        listener.dispose();
      });
    },
  );
}

/** Runs a command body and reports its failure; a cancel is reported as such, quietly. */
export async function reportFailures(what: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof CancelledError) {
      void vscode.window.showInformationMessage(vscode.l10n.t('{0}: cancelled. Nothing was changed.', what));
    } else if (error instanceof ArchiveRejectedError || error instanceof VolumeUserError) {
      void vscode.window.showErrorMessage(`${what}: ${error.message}`);
    } else if (error instanceof RollbackFailedError) {
      void vscode.window.showErrorMessage(`${what}: ${error.message}`, { modal: true });
    } else {
      showEngineError(what, error);
    }
  }
}
