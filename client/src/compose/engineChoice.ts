// Which engine Compose files are checked against: the one `berth.compose.engine` names, else
// the first. Pure, so node:test checks it; composeEngine.ts reads the setting and follows it.
import type { NamedEngine } from '../commands/engineRouting';
import { t } from '../shared/text';

export interface ComposeEngineChoice {
  id: string;
  /** Why the setting was not followed, for a warning; undefined when it was, or is empty. */
  problem?: string;
}

/** `wanted` is an engine's name (as the views show it) or its id (name, context or host). */
export function chooseComposeEngine(engines: readonly NamedEngine[], wanted: string): ComposeEngineChoice {
  const first = engines[0];
  const name = wanted.trim();
  if (name === '') return { id: first.id };
  const found =
    engines.find((engine) => engine.id === name) ?? engines.find((engine) => engine.label === name);
  if (found) return { id: found.id };
  return {
    id: first.id,
    problem: t(
      'berth.compose.engine names "{0}", which is not an engine of berth.engines ({1}). Compose files are checked against {2}.',
      name,
      engines.map((engine) => engine.label).join(', '),
      first.label,
    ),
  };
}
