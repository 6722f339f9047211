// The failures Berth words itself, by how they reach the user; commands/guard.ts tells each
// kind. vscode-free, so the engine work of any feature can throw them.

/** A failure the user can fix, said in our words (bad input, nothing to act on); told as it is. */
export class UserError extends Error {}

/** The user cancelled; told as a cancel, not as a failure. */
export class CancelledError extends Error {
  constructor() {
    super('Cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * A failure in our words, told after the action that failed ("Restoring the volume failed: …");
 * `modal` when the user must read it before going on.
 */
export class ActionFailure extends Error {
  constructor(
    message: string,
    readonly modal = false,
  ) {
    super(message);
  }
}
