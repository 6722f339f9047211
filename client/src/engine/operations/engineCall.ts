// One Engine API call and how an engine change fails: refused before anything is sent
// (ValidationError, with a Problem from ../validation) or refused by the engine, in its own words
// (EngineOperationError).
import type { Problem } from '../validation/messages';

/** Input was rejected before any call; `problem` says what is wrong and how to fix it. */
export class ValidationError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** The engine refused; `message` is its own text, word for word. */
export class EngineOperationError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | undefined,
    readonly cause: unknown,
  ) {
    super(message);
  }

  get notFound(): boolean {
    return this.statusCode === 404;
  }
}

/** The engine's message from a dockerode error (its JSON `message`), else the error's own text. */
export function engineMessage(error: unknown): string {
  const e = error as { json?: { message?: unknown } | string | null; message?: string };
  if (e?.json && typeof e.json === 'object' && typeof e.json.message === 'string') return e.json.message;
  if (typeof e?.json === 'string' && e.json.trim()) return e.json.trim();
  return e?.message ?? String(error);
}

/** Runs one Engine API call; a refusal comes back as an EngineOperationError. */
export async function call<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw new EngineOperationError(
      engineMessage(error),
      (error as { statusCode?: number }).statusCode,
      error,
    );
  }
}

/** Throws the problem of a failed check, so that nothing is sent. */
export function check(result: { ok: true } | Problem): void {
  if (!result.ok) throw new ValidationError(result);
}

export function quoteList(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

export interface BatchResult {
  removed: string[];
  failed: { name: string; message: string }[];
}

/** Removes exactly the items given, one call each; one refusal does not stop the rest. */
export async function removeEachOf<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
  remove: (item: T) => Promise<unknown>,
): Promise<BatchResult> {
  const result: BatchResult = { removed: [], failed: [] };
  for (const item of items) {
    try {
      await call(() => remove(item));
      result.removed.push(nameOf(item));
    } catch (error) {
      result.failed.push({ name: nameOf(item), message: (error as Error).message });
    }
  }
  return result;
}
