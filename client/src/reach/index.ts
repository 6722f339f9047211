// "Can A reach B?": the command that asks and answers from engine state.
import * as vscode from 'vscode';
import type { EngineSession } from '../engine/live/contract';
import type { ConnectivityArgument } from './argument';
import { checkConnectivity } from './command';

export function registerReachability(context: vscode.ExtensionContext, session: EngineSession): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('berth.container.checkConnectivity', (arg: ConnectivityArgument) =>
      checkConnectivity(session, arg),
    ),
  );
}
