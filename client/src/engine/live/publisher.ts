// The snapshot the session shows, and the event that says what changed in it. Volume sizes come
// from a slower call; once known, they are laid over every later snapshot.
import { diffSnapshots, isEmptyDelta } from '../model/join';
import { withVolumeSizes } from '../model/loader';
import type { Snapshot, SnapshotDelta } from '../model/snapshot';
import { Emitter } from './emitter';

export class SnapshotPublisher {
  private current: Snapshot | undefined;
  private sizes: Map<string, number> | undefined;
  private readonly emitter = new Emitter<SnapshotDelta>();
  readonly onDidChange = this.emitter.event;

  get snapshot(): Snapshot | undefined {
    return this.current;
  }

  /** Shows `next`, with the volume sizes known so far. */
  publish(next: Snapshot): void {
    this.show(this.sizes ? withVolumeSizes(next, this.sizes) : next);
  }

  /** Lays `sizes` over the snapshot shown now and every later one; nothing to do before the first. */
  publishSizes(sizes: Map<string, number>): void {
    if (!this.current) return;
    this.sizes = sizes;
    this.show(withVolumeSizes(this.current, sizes));
  }

  dispose(): void {
    this.emitter.dispose();
  }

  private show(next: Snapshot): void {
    const delta = diffSnapshots(this.current, next);
    this.current = next;
    if (!isEmptyDelta(delta)) this.emitter.fire(delta);
  }
}
