import type { RuleMeta } from '../../../../common/rules';
import type { Finding, Fix, Localized } from '../../dockerfile/lint/types';
import type { Range } from '../parse/lines';
import type { ComposeContext } from './context';

/** A client command a quick fix runs, e.g. creating a missing external network. */
export interface ClientCommand {
  title: Localized;
  command: string;
  arguments: unknown[];
}

export interface ComposeReport {
  range: Range;
  message: Localized;
  fix?: Fix;
  command?: ClientCommand;
}

export interface ComposeRule extends RuleMeta {
  /** Reads the engine facts the client sent; the CLI never runs it. */
  live?: true;
  check(ctx: ComposeContext): void;
}

export interface ComposeFinding extends Finding {
  command: ClientCommand | undefined;
}
