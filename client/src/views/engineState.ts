import * as vscode from 'vscode';
import type { EngineSession } from '../engine/live/contract';
import { log } from '../log';
import type { EngineStatus } from './engineStatus';

/**
 * Mirrors the connection into the `berth.engineState` context key (package.json's viewsWelcome
 * reads it) and puts the exact problem and its fix on top of each view while unreachable.
 */
export function trackEngineState(
  session: EngineSession,
  status: EngineStatus,
  views: vscode.TreeView<unknown>[],
): vscode.Disposable {
  let logged: string | undefined;
  const apply = () => {
    void vscode.commands.executeCommand('setContext', 'berth.engineState', session.state.kind);
    const message = status.message;
    for (const view of views) view.message = message;
    const problem = session.state.kind === 'unreachable' ? session.state.problem : undefined;
    const text =
      problem && `${problem.message} — ${problem.fix}${problem.detail ? ` (${problem.detail})` : ''}`;
    if (text && text !== logged) log().warn(text);
    if (session.state.kind === 'connected') logged = undefined;
    else if (text) logged = text;
  };
  apply();
  return status.onDidChange(apply);
}
