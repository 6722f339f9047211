import type { Stage } from './stages';

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
  /**
   * The undo log, two entries per change: the key, then its value before (or `absent`). One
   * flat list, so a change costs two pushes and no object.
   */
  private readonly log: unknown[] = [];

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
    this.log.push(key, this.map.has(key) ? this.map.get(key) : absent);
    this.map.set(key, value);
  }

  /** Keeps the first value: what an ancestor or an earlier line declared wins. */
  setIfAbsent(key: K, value: V): void {
    if (this.map.has(key)) return;
    this.log.push(key, absent);
    this.map.set(key, value);
  }

  mark(): number {
    return this.log.length;
  }

  undo(mark: number): void {
    const log = this.log;
    // Back to the start is back to empty: one clear instead of one step per entry.
    if (mark === 0) {
      this.map.clear();
      log.length = 0;
      return;
    }
    while (log.length > mark) {
      const before = log.pop();
      const key = log.pop() as K;
      if (before === absent) this.map.delete(key);
      else this.map.set(key, before as V);
    }
  }
}

/** Marks a key the map did not hold before a change. */
const absent = Symbol('absent');

/**
 * Visits every stage after its parent stage, depth first; `leave` runs once all the stages
 * built on it were visited. Iterative, so no chain of stages can exhaust the stack.
 */
export function walkStageTree<S extends Stage>(
  stages: readonly S[],
  enter: (stage: S) => void,
  leave: (stage: S) => void,
): void {
  // Most files build no stage on another: the walk is then the stages in order.
  if (stages.every((stage) => !stage.parent)) {
    for (const stage of stages) {
      enter(stage);
      leave(stage);
    }
    return;
  }
  const children = new Map<Stage, S[]>();
  const roots: S[] = [];
  for (const stage of stages) {
    if (!stage.parent) roots.push(stage);
    else {
      const list = children.get(stage.parent);
      if (list) list.push(stage);
      else children.set(stage.parent, [stage]);
    }
  }
  // Parallel lists rather than an object per entry: the stage and whether it is being left.
  const stack: S[] = [];
  const leaving: boolean[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    stack.push(roots[i]);
    leaving.push(false);
  }
  for (let top = stack.pop(); top; top = stack.pop()) {
    if (leaving.pop()) {
      leave(top);
      continue;
    }
    enter(top);
    stack.push(top);
    leaving.push(true);
    const kids = children.get(top) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) {
      stack.push(kids[i]);
      leaving.push(false);
    }
  }
}

/** Walks the stage tree with `scope` holding what each stage inherits while `visit` runs on it. */
export function withInherited<S extends Stage>(
  stages: readonly S[],
  scope: Undoable,
  visit: (stage: S) => void,
): void {
  // A stage is left after every stage entered since it: its mark is the last one not yet used.
  const marks: number[] = [];
  walkStageTree(
    stages,
    (stage) => {
      marks.push(scope.mark());
      visit(stage);
    },
    () => scope.undo(marks.pop() ?? 0),
  );
}
