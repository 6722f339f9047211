// The network map: one command that opens (or brings back) the map panel.
import * as vscode from 'vscode';
import type { EngineSession } from '../engine/live/contract';
import { NetworkMapPanel } from './panel';

export function registerNetworkMap(context: vscode.ExtensionContext, session: EngineSession): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('berth.showNetworkMap', () => {
      NetworkMapPanel.show(context, session);
    }),
    { dispose: () => NetworkMapPanel.disposeCurrent() },
  );
}
