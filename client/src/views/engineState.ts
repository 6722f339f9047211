import * as vscode from 'vscode';
import type { ConnectionState } from '../engine/live/contract';
import { log } from '../log';
import type { ViewEngines } from './viewEngines';

/** One state for the welcome content: connected while any engine is. */
function overall(states: ConnectionState['kind'][]): ConnectionState['kind'] {
  for (const kind of ['connected', 'connecting', 'unreachable'] as const)
    if (states.includes(kind)) return kind;
  return 'idle';
}

/**
 * Mirrors the connection into the `berth.engineState` context key (package.json's viewsWelcome
 * reads it). With one engine, its exact problem and fix sit on top of each view while unreachable;
 * with several, each engine's root shows its own, and one engine down leaves the others' views be.
 */
export function trackEngineState(engines: ViewEngines, views: vscode.TreeView<unknown>[]): vscode.Disposable {
  const logged = new Map<string, string>();
  const apply = () => {
    const all = engines.all;
    void vscode.commands.executeCommand(
      'setContext',
      'berth.engineState',
      overall(all.map((engine) => engine.session.state.kind)),
    );
    const message = engines.several ? undefined : engines.primary.status.message;
    for (const view of views) view.message = message;
    for (const { id, label, session } of all) {
      const problem = session.state.kind === 'unreachable' ? session.state.problem : undefined;
      const text =
        problem && `${problem.message} — ${problem.fix}${problem.detail ? ` (${problem.detail})` : ''}`;
      const named = text && engines.several ? `${label}: ${text}` : text;
      if (named && named !== logged.get(id)) log().warn(named);
      if (session.state.kind === 'connected') logged.delete(id);
      else if (named) logged.set(id, named);
    }
  };
  const subscriptions: { dispose(): void }[] = [];
  const follow = () => {
    for (const subscription of subscriptions.splice(0)) subscription.dispose();
    for (const engine of engines.all) subscriptions.push(engine.status.onDidChange(apply));
    apply();
  };
  follow();
  const membership = engines.onDidChange(follow);
  return {
    dispose: () => {
      membership.dispose();
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}
