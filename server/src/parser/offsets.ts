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
