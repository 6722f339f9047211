// What the command receives: the tree's container or endpoint node (`containerId`), `{ container }`
// from other callers, a bare id, or nothing from the palette.

export function containerIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg || undefined;
  if (typeof arg !== 'object' || arg === null) return undefined;
  if (
    'container' in arg &&
    typeof arg.container === 'object' &&
    arg.container !== null &&
    'id' in arg.container
  ) {
    return typeof arg.container.id === 'string' ? arg.container.id : undefined;
  }
  if ('containerId' in arg && typeof arg.containerId === 'string') return arg.containerId;
  return undefined;
}
