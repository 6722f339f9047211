// When each step of the first connect and load ended, for the startup figures the Output channel
// shows: where the time to the first tree render goes.

/** `performance.now()` at the end of each step of the first connect and load. */
export interface FirstLoadMarks {
  started: number;
  /** The client is loaded (dockerode is imported lazily) and `/version` answered. */
  connected?: number;
  subscribed?: number;
  /** The three list calls answered. */
  listed?: number;
  /** Mapped and joined into the snapshot. */
  joined?: number;
  /** Listeners (the views) have been told. */
  published?: number;
}

export class FirstLoadTimer {
  private marks: FirstLoadMarks | undefined;

  start(): void {
    this.marks = { started: performance.now() };
  }

  /** Notes the end of a step of the first load; later loads leave the marks alone. */
  mark(step: Exclude<keyof FirstLoadMarks, 'started'>): void {
    if (this.marks && this.marks.published === undefined) this.marks[step] ??= performance.now();
  }

  /** The steps of the first load that published a snapshot, once it has. */
  get finished(): FirstLoadMarks | undefined {
    return this.marks?.published === undefined ? undefined : this.marks;
  }
}
