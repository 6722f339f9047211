// Before the first change to a root that running containers may be using (a volume they mount
// read-write, a container's own filesystem), Berth names them and the user may cancel. Asked once
// per root and set of running users; a new one is asked about again.
import * as vscode from 'vscode';
import { CancelledError } from '../shared/failures';
import { confirmModal } from '../ui/confirm';

/** A running container that may be using a root, and how the question names it. */
export interface RunningUser {
  id: string;
  description: string;
}

export interface ConsentQuestion {
  /** Who may be using root `key` right now. */
  usersOf(key: string): RunningUser[];
  /** The modal's message, naming the root and its running users. */
  message(key: string, users: string): string;
}

export class WriteConsent {
  private readonly agreed = new Map<string, Set<string>>();

  constructor(private readonly question: ConsentQuestion) {}

  async check(key: string): Promise<void> {
    const users = this.question.usersOf(key);
    const agreed = this.agreed.get(key) ?? new Set<string>();
    if (users.every((user) => agreed.has(user.id))) return;
    const yes = await confirmModal(
      this.question.message(key, users.map((user) => user.description).join(', ')),
      vscode.l10n.t(
        'They may be writing the same files right now, and a program that keeps a file open will not see the change until it reads it again. Berth replaces each file whole, never half.',
      ),
      vscode.l10n.t('Write Anyway'),
    );
    if (!yes) throw new CancelledError();
    this.agreed.set(key, new Set([...agreed, ...users.map((user) => user.id)]));
  }
}
