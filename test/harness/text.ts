// Text as the tests compare it with what the workbench renders.

/** Monaco renders spaces as no-break spaces; tests compare plain text. */
export function plainText(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A pattern for exactly `text`, e.g. a label that must not match as part of a longer one. */
export function exactly(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}$`);
}
