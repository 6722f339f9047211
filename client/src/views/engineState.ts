import * as vscode from 'vscode';
import type { ConnectionState, EngineSession } from '../engine/session';
import { log } from '../log';

/**
 * Mirrors the connection into the `berth.engineState` context key (package.json's viewsWelcome
 * reads it) and puts the exact problem and its fix on top of each view while unreachable.
 */
export function trackEngineState(
  session: EngineSession,
  views: vscode.TreeView<unknown>[],
): vscode.Disposable {
  let lastProblem: string | undefined;
  const apply = (state: ConnectionState) => {
    void vscode.commands.executeCommand('setContext', 'berth.engineState', state.kind);
    const message = state.kind === 'unreachable' ? problemText(state) : undefined;
    for (const view of views) view.message = message;
    if (state.kind === 'unreachable') {
      const text = `${state.problem.message} — ${state.problem.fix}${state.problem.detail ? ` (${state.problem.detail})` : ''}`;
      if (text !== lastProblem) log().warn(text);
      lastProblem = text;
    } else lastProblem = undefined;
  };
  apply(session.state);
  return session.onDidChangeState(apply);
}

function problemText(state: Extract<ConnectionState, { kind: 'unreachable' }>): string {
  const { message, fix } = state.problem;
  const retry =
    state.retryAt !== undefined
      ? ' ' + vscode.l10n.t('Retrying at {0}.', new Date(state.retryAt).toLocaleTimeString())
      : '';
  return `${message} ${fix}${retry}`;
}
