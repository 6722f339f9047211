import * as vscode from 'vscode';

/** A modal that names exactly what will happen; true only when the user pressed `action`. */
export async function confirmModal(message: string, detail: string, action: string): Promise<boolean> {
  const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, action);
  return answer === action;
}

/** A modal with several named outcomes; undefined when cancelled. */
export async function chooseModal<T extends string>(
  message: string,
  detail: string,
  ...actions: T[]
): Promise<T | undefined> {
  return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
}
