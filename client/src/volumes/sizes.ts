import type * as vscode from 'vscode';
import type { EngineSession } from '../engine/live/contract';
import { log } from '../log';

/** Sizes come from `/system/df`, which is slow on big engines, so it is never on the tree's path. */
export type SizedSession = EngineSession & { loadVolumeSizes?(): Promise<void> };

/** Loads volume sizes when the Volumes view is shown, and once per connection while it stays shown. */
export function loadSizesWhenShown(session: SizedSession, view: vscode.TreeView<unknown>): vscode.Disposable {
  let loadedFor: unknown;
  const maybeLoad = () => {
    if (!view.visible || session.state.kind !== 'connected' || !session.snapshot || !session.loadVolumeSizes)
      return;
    if (loadedFor === session.docker) return;
    loadedFor = session.docker;
    session.loadVolumeSizes().catch((error: unknown) => log().warn(`Volume sizes: ${String(error)}`));
  };
  const subscriptions = [
    view.onDidChangeVisibility((event) => {
      if (event.visible) loadedFor = undefined;
      maybeLoad();
    }),
    session.onDidChangeState(maybeLoad),
    session.onDidChangeSnapshot(maybeLoad),
  ];
  return {
    dispose: () => {
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}
