// Clone a volume into a new one: same driver and labels, contents copied inside the engine.
import * as l10n from '@vscode/l10n';
import { copyVolumeContents } from './copy';
import { CancelledError } from '../../shared/failures';
import type { Helpers } from './helpers';
import { volumeNameProblem } from './names';
import { inspectSpec, storesDataElsewhere } from './volumeSpec';

export async function cloneVolume(
  helpers: Helpers,
  source: string,
  target: string,
  signal?: AbortSignal,
): Promise<void> {
  const problem = volumeNameProblem(target);
  if (problem) throw new Error(problem);
  if (await helpers.volumeExists(target))
    throw new Error(l10n.t('Volume "{0}" already exists. Choose another name.', target));
  const spec = await inspectSpec(helpers.docker, source);
  // Options that point at outside storage would make the clone share the source's data.
  const options = storesDataElsewhere(spec) ? {} : spec.options;
  const driver = storesDataElsewhere(spec) ? 'local' : spec.driver;
  await helpers.docker.createVolume({
    Name: target,
    Driver: driver,
    DriverOpts: options,
    Labels: spec.labels,
  });
  try {
    await copyVolumeContents(helpers, source, target, signal);
    if (signal?.aborted) throw new CancelledError();
  } catch (error) {
    await helpers.removeVolume(target);
    throw signal?.aborted ? new CancelledError() : error;
  }
}
