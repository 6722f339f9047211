// berth-lint on Compose files: the static rules, with the files of the project beside it. The
// live rules need an engine and never run here. esbuild.mjs bundles this into a file of its own,
// with the YAML and JSON Schema code only Compose needs: a run over Dockerfiles never loads it.
import * as path from 'node:path';
import type { LintSettings } from '../../../common/protocol';
import { projectNameFor } from '../compose/project';
import { lintCompose } from '../compose/rules/lint';
import type { ComposeFinding } from '../compose/rules/types';
import { composeSiblings, diskFiles, envProjectName, readComposeFile } from '../workspace/compose';

export { composeRuleMeta } from '../compose/rules/registry';

export function lintComposePath(file: string, settings: LintSettings | undefined): ComposeFinding[] {
  const parsed = readComposeFile(path.resolve(file));
  if (!parsed) return [];
  return lintCompose({
    file: parsed,
    siblings: composeSiblings(parsed, () => undefined),
    projectName: projectNameFor(parsed, envProjectName(parsed)),
    host: diskFiles,
    settings,
  });
}
