// Progress for the commands that move data: in bytes, and cancellable.
import * as vscode from 'vscode';

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
