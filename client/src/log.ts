import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

/** Berth's one output channel; created on first use so that activation stays cheap. */
export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Berth', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
