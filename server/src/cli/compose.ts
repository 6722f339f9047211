// berth-lint on Compose files: the static rules, with the files of the project beside it. The
// live rules need an engine and never run here.
import * as path from 'node:path';
import type { LintSettings } from '../../../common/protocol';
import { isComposeFileName, projectNameFor } from '../compose/project';
import { lintCompose } from '../compose/rules/lint';
import type { ComposeFinding } from '../compose/rules/types';
import { composeSiblings, diskFiles, envProjectName, readComposeFile } from '../workspace/compose';

/** Compose by name; a YAML file named on the command line is taken as Compose too. */
export function isComposePath(file: string): boolean {
  return isComposeFileName(path.basename(file)) || /\.ya?ml$/i.test(file);
}

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
