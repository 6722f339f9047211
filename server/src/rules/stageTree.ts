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
  // The undo log as parallel lists (key, whether it had a value, that value): no object per change.
  private readonly logKeys: K[] = [];
  private readonly logHad: boolean[] = [];
  private readonly logValues: Array<V | undefined> = [];

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
    this.logKeys.push(key);
    this.logHad.push(had);
    this.logValues.push(had ? this.map.get(key) : undefined);
    this.map.set(key, value);
  }

  /** Keeps the first value: what an ancestor or an earlier line declared wins. */
  setIfAbsent(key: K, value: V): void {
    if (!this.map.has(key)) this.set(key, value);
  }

  mark(): number {
    return this.logKeys.length;
  }

  undo(mark: number): void {
    // Back to the start is back to empty: one clear instead of one step per entry.
    if (mark === 0) {
      this.map.clear();
      this.logKeys.length = 0;
      this.logHad.length = 0;
      this.logValues.length = 0;
      return;
    }
    while (this.logKeys.length > mark) {
      const key = this.logKeys.pop() as K;
      const value = this.logValues.pop();
      if (this.logHad.pop()) this.map.set(key, value as V);
      else this.map.delete(key);
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
  // Most files build no stage on another: the walk is then the stages in order.
  if (stages.every((stage) => !stage.parent)) {
    for (const stage of stages) {
      enter(stage);
      leave(stage);
    }
    return;
  }
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
  // Parallel lists rather than an object per entry: the stage and whether it is being left.
  const stack: Stage[] = [];
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
export function withInherited(
  stages: readonly Stage[],
  scope: Undoable,
  visit: (stage: Stage) => void,
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
