// The engine's own words for a failed call: dockerode wraps them as
// "(HTTP code 409) unexpected - <message>", and users need only the message.
import { CancelledError } from '../../shared/failures';

export function engineMessage(error: unknown): string {
  const json = (error as { json?: unknown }).json;
  if (json && typeof json === 'object' && typeof (json as { message?: unknown }).message === 'string') {
    return (json as { message: string }).message.trim();
  }
  if (error instanceof Error) {
    const wrapped = /^\(HTTP code \d+\) [^-]*- (.*)$/s.exec(error.message);
    return (wrapped ? wrapped[1] : error.message).trim();
  }
  return String(error);
}

export function statusCode(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

export function isNotFound(error: unknown): boolean {
  return statusCode(error) === 404;
}

export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return Boolean(signal?.aborted) || (error as { name?: string }).name === 'AbortError';
}

export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}
