// Progress for the commands that move data: in bytes, and cancellable.
import * as vscode from 'vscode';
import { formatBytes } from '../shared/text';

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

/**
 * Reports bytes moved so far, and the share of `expected` when the size is known: a volume's
 * size is only an estimate, so the bar stops at full rather than run past it.
 */
export function byteProgress(
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  expected: number | undefined,
): (bytes: number) => void {
  let shown = 0;
  return (bytes) => {
    const known = expected !== undefined && expected > 0;
    const message = known
      ? vscode.l10n.t('{0} of about {1}', formatBytes(bytes), formatBytes(expected))
      : formatBytes(bytes);
    const percent = known ? Math.min(100, (bytes / expected) * 100) : 0;
    progress.report({ message, increment: percent - shown });
    shown = percent;
  };
}
