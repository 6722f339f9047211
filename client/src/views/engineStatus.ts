// What the views say about the connection. VS Code hides a view's welcome content while the view
// has a `message`, so while the engine is unreachable each view shows the exact problem as its
// message and offers Retry, Switch Context and Show Output as tree items instead.
import { Emitter } from '../engine/live/emitter';
import type { ConnectionState, EngineSession } from '../engine/live/contract';
import type { EngineProblem } from '../engine/problems/problem';
import { actionNodes } from './hintsAndActions';
import type { BerthNode } from '../shared/nodes';
import { sentence, t } from '../shared/text';

/** The problem to show: kept while a retry is under way, so the views do not flicker. */
export function shownProblem(
  previous: EngineProblem | undefined,
  state: ConnectionState,
): EngineProblem | undefined {
  if (state.kind === 'unreachable') return state.problem;
  return state.kind === 'connecting' ? previous : undefined;
}

export function problemMessage(problem: EngineProblem, state: ConnectionState): string {
  const retry =
    state.kind === 'connecting'
      ? t('Retrying now…')
      : state.kind === 'unreachable' && state.retryAt !== undefined
        ? t('Berth retries by itself at {0}.', new Date(state.retryAt).toLocaleTimeString())
        : '';
  return [sentence(problem.message), sentence(problem.fix), retry].filter(Boolean).join(' ');
}

export class EngineStatus {
  private current: EngineProblem | undefined;
  private readonly changed = new Emitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly session: EngineSession) {
    this.current = shownProblem(undefined, session.state);
    this.subscription = session.onDidChangeState((state) => {
      this.current = shownProblem(this.current, state);
      this.changed.fire();
    });
  }

  get problem(): EngineProblem | undefined {
    return this.current;
  }

  /** The views' message: the problem and its fix, or nothing (so welcome content can show). */
  get message(): string | undefined {
    return this.current && problemMessage(this.current, this.session.state);
  }

  /** Root items while there is nothing else to show. */
  rootsWithoutSnapshot(): BerthNode[] {
    return this.current ? actionNodes() : [];
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
