// Answers the client's "Go to Compose Declaration": which file of the project declares the key.
import type { ComposeDeclarationRequest, EngineFacts } from '../../../../common/compose';
import { envProjectName } from '../../workspace/compose';
import type { ComposeFile } from '../parse/model';
import { projectNameFor } from '../project';

export function findDeclaration(
  params: ComposeDeclarationRequest.Params,
  load: (uri: string) => ComposeFile | undefined,
  facts: EngineFacts | undefined,
): ComposeDeclarationRequest.Result {
  const started = new Set(facts?.projects.find((p) => p.name === params.project)?.configFiles ?? []);
  for (const uri of params.candidates) {
    const file = load(uri);
    if (!file) continue;
    const decl = (params.kind === 'network' ? file.networks : file.volumes).find(
      (d) => d.name === params.key,
    );
    if (!decl) continue;
    const sameProject =
      (file.path !== undefined && started.has(file.path)) ||
      projectNameFor(file, envProjectName(file), facts) === params.project;
    if (sameProject) return { uri: file.uri, range: decl.keyRange };
  }
  return null;
}
