import * as vscode from 'vscode';

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
}

/** One choice; undefined when cancelled. Says so instead of showing an empty list. */
export async function pickOne<T>(
  items: PickItem<T>[],
  placeHolder: string,
  emptyMessage: string,
): Promise<T | undefined> {
  if (items.length === 0) {
    void vscode.window.showInformationMessage(emptyMessage);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.value;
}

export async function pickMany<T>(
  items: PickItem<T>[],
  placeHolder: string,
  emptyMessage: string,
): Promise<T[] | undefined> {
  if (items.length === 0) {
    void vscode.window.showInformationMessage(emptyMessage);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder,
    canPickMany: true,
    matchOnDescription: true,
  });
  return picked && picked.length > 0 ? picked.map((item) => item.value) : undefined;
}

/**
 * An input box whose validator runs on every keystroke, so the message shows before anything is
 * sent. Undefined when cancelled.
 */
export async function askText(options: {
  title?: string;
  prompt: string;
  value?: string;
  placeHolder?: string;
  validate?: (value: string) => string | undefined;
}): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: options.title,
    prompt: options.prompt,
    value: options.value,
    placeHolder: options.placeHolder,
    ignoreFocusOut: true,
    validateInput: (value) => options.validate?.(value) ?? undefined,
  });
}

export async function askYesNo(
  title: string,
  question: string,
  defaultValue: boolean,
): Promise<boolean | undefined> {
  const yes = vscode.l10n.t('Yes');
  const no = vscode.l10n.t('No');
  const items = defaultValue ? [yes, no] : [no, yes];
  const picked = await vscode.window.showQuickPick(items, {
    title,
    placeHolder: question,
    ignoreFocusOut: true,
  });
  return picked === undefined ? undefined : picked === yes;
}
