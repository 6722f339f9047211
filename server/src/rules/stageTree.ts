import type { Stage } from './context';

/** Something whose changes can be rolled back to an earlier mark. */
export interface Undoable {
  mark(): number;
  undo(mark: number): void;
}

/**
 * A map that remembers how to undo its changes. A stage inherits what its parent stages
 * declared; walking the stages as a tree and undoing each stage's entries on the way out keeps
 * one map for the whole file, so a chain of a thousand `FROM previous` stages stays linear.
 */
export class ScopedMap<K, V> implements Undoable {
  private readonly map = new Map<K, V>();
  private readonly log: Array<{ key: K; had: boolean; value: V | undefined }> = [];

  get(key: K): V | undefined {
    return this.map.get(key);
  }

  has(key: K): boolean {
    return this.map.has(key);
  }

  get size(): number {
    return this.map.size;
  }

  keys(): IterableIterator<K> {
    return this.map.keys();
  }

  set(key: K, value: V): void {
    const had = this.map.has(key);
    this.log.push({ key, had, value: had ? this.map.get(key) : undefined });
    this.map.set(key, value);
  }

  /** Keeps the first value: what an ancestor or an earlier line declared wins. */
  setIfAbsent(key: K, value: V): void {
    if (!this.map.has(key)) this.set(key, value);
  }

  mark(): number {
    return this.log.length;
  }

  undo(mark: number): void {
    while (this.log.length > mark) {
      const entry = this.log.pop();
      if (!entry) break;
      if (entry.had) this.map.set(entry.key, entry.value as V);
      else this.map.delete(entry.key);
    }
  }
}

/**
 * Visits every stage after its parent stage, depth first; `leave` runs once all the stages
 * built on it were visited. Iterative, so no chain of stages can exhaust the stack.
 */
export function walkStageTree(
  stages: readonly Stage[],
  enter: (stage: Stage) => void,
  leave: (stage: Stage) => void,
): void {
  const children = new Map<Stage, Stage[]>();
  const roots: Stage[] = [];
  for (const stage of stages) {
    if (!stage.parent) roots.push(stage);
    else {
      const list = children.get(stage.parent);
      if (list) list.push(stage);
      else children.set(stage.parent, [stage]);
    }
  }
  const stack: Array<{ stage: Stage; leaving: boolean }> = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push({ stage: roots[i], leaving: false });
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (top.leaving) {
      leave(top.stage);
      continue;
    }
    enter(top.stage);
    stack.push({ stage: top.stage, leaving: true });
    const kids = children.get(top.stage) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ stage: kids[i], leaving: false });
  }
}

/** Walks the stage tree with `scope` holding what each stage inherits while `visit` runs on it. */
export function withInherited(
  stages: readonly Stage[],
  scope: Undoable,
  visit: (stage: Stage) => void,
): void {
  const marks = new Map<Stage, number>();
  walkStageTree(
    stages,
    (stage) => {
      marks.set(stage, scope.mark());
      visit(stage);
    },
    (stage) => scope.undo(marks.get(stage) ?? 0),
  );
}
