// The passphrase of an ssh:// key file, asked as ssh asks for it: only when a login reaches that
// key. Declining is remembered, so that the session's own reconnects do not ask again; Retry
// Connecting asks once more.
import * as vscode from 'vscode';
import type { AskPassphrase } from '../engine/transport/ssh/sshKeys';

const declined = new Set<string>();
/** One input box at a time: a second one would close the first, which would read as declined. */
let asking: Promise<unknown> = Promise.resolve();

export const askSshPassphrase: AskPassphrase = (file, host, attempt) => {
  const turn = asking.then(() => ask(file, host, attempt));
  asking = turn.catch(() => undefined);
  return turn;
};

async function ask(file: string, host: string, attempt: number): Promise<string | undefined> {
  if (declined.has(file)) return undefined;
  const passphrase = await vscode.window.showInputBox({
    title: vscode.l10n.t('SSH key passphrase'),
    prompt:
      attempt > 1
        ? vscode.l10n.t('Wrong passphrase for {0}. Try again to log in to {1}.', file, host)
        : vscode.l10n.t('Passphrase for {0}, to log in to {1}', file, host),
    password: true,
    ignoreFocusOut: true,
  });
  if (passphrase === undefined) declined.add(file);
  return passphrase;
}

/** The user asked to connect again: key files they declined may be asked for once more. */
export function forgetDeclinedPassphrases(): void {
  declined.clear();
}
