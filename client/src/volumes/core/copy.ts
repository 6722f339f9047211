// Volume to volume, inside the engine: the source helper's tar goes straight into the target's.
import { getTar, putTar } from '../../archiveFiles/core/archive';
import type { Helpers } from './helpers';

export async function copyVolumeContents(
  helpers: Helpers,
  from: string,
  to: string,
  signal?: AbortSignal,
): Promise<void> {
  await helpers.withHelper(from, true, (source) =>
    helpers.withHelper(to, false, async (target) => {
      await putTar(target, await getTar(source, '', true, signal), signal);
    }),
  );
}
