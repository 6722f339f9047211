import type { Instruction } from '../parser';
import type { LintContext } from './context';
import { ScopedMap, withInherited } from '../semantics/scope';

/**
 * Walks the stages with the first line each key was declared on by `name` instructions, the
 * parent stages' included (what the image inherits); `duplicate` gets every later repeat.
 */
export function repeats<K, T extends { key: K }>(
  ctx: LintContext,
  name: 'EXPOSE' | 'VOLUME',
  keys: (ins: Instruction) => T[],
  duplicate: (item: T, first: number) => void,
): void {
  const seen = new ScopedMap<K, number>();
  withInherited(ctx.allStages, seen, (stage) => {
    for (const ins of stage.instructions) {
      if (ins.name !== name) continue;
      for (const item of keys(ins)) {
        const first = seen.get(item.key);
        if (first === undefined) seen.setIfAbsent(item.key, ins.range.start.line);
        else duplicate(item, first);
      }
    }
  });
}
