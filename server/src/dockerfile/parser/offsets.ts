/** Offset lists longer than this are kept typed: no GC scan, and a bulk copy. */
const longList = 1024;

/** The first `count` offsets of a scratch buffer, as a list of its own at its exact size. */
export function copyOffsets(from: Int32Array, count: number): ArrayLike<number> {
  if (count > longList) return from.slice(0, count);
  // Short lists (nearly all) as plain arrays: a small typed array costs more than its contents.
  const to = new Array<number>(count);
  for (let k = 0; k < count; k++) to[k] = from[k];
  return to;
}

/**
 * `buffer` when it has room for `needed` entries, else a copy twice as large: scratch offsets
 * grow by doubling, so filling one with n entries copies fewer than 2n.
 */
export function withRoom(buffer: Int32Array<ArrayBuffer>, needed: number): Int32Array<ArrayBuffer> {
  if (needed <= buffer.length) return buffer;
  const grown = new Int32Array(Math.max(buffer.length * 2, needed));
  grown.set(buffer);
  return grown;
}
