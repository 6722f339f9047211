import { ScopedMap } from '../../semantics/scope';
import { normalizePath } from '../../lint/util';

export interface DeclaredVolume {
  path: string;
  line: number;
}

/**
 * The VOLUME paths in scope while walking the stage tree. Finding the volume a path lies in
 * only tries the lengths of the declared paths, so the cost does not grow with the number of
 * VOLUMEs or with the depth of the path.
 */
export class VolumeScope {
  private readonly lines = new ScopedMap<string, number>();
  /** How many declared paths have each length; kept in step with `lines` so one mark serves both. */
  private readonly lengths = new ScopedMap<number, number>();

  declare(path: string, line: number): void {
    if (!path.startsWith('/')) return;
    const key = normalizePath(path);
    if (this.lines.has(key)) return;
    this.lines.set(key, line);
    this.lengths.set(key.length, (this.lengths.get(key.length) ?? 0) + 1);
  }

  get empty(): boolean {
    return this.lines.size === 0;
  }

  /** The outermost declared volume that `path` (absolute, normalized) is in or equal to. */
  containing(path: string): DeclaredVolume | undefined {
    const root = this.lines.get('/');
    if (root !== undefined) return path.startsWith('/') ? { path: '/', line: root } : undefined;
    let best: DeclaredVolume | undefined;
    for (const length of this.lengths.keys()) {
      if (length > path.length || (length < path.length && path.charCodeAt(length) !== 0x2f)) continue;
      if (best && best.path.length <= length) continue;
      const prefix = length === path.length ? path : path.slice(0, length);
      const line = this.lines.get(prefix);
      if (line !== undefined) best = { path: prefix, line };
    }
    return best;
  }

  mark(): number {
    return this.lines.mark();
  }

  undo(mark: number): void {
    this.lines.undo(mark);
    this.lengths.undo(mark);
  }
}
