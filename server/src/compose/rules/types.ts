import type { Finding } from '../../dockerfile/lint/types';
import type { Fix, Localized } from '../../dockerfile/lint/report';
import type { Range } from '../parse/lines';

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

export interface ComposeFinding extends Finding {
  /** `live`: the rule read the engine's facts (ComposeRule says so). */
  rule: Finding['rule'] & { live?: true };
  command: ClientCommand | undefined;
}
