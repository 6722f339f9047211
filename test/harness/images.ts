// Images a test needs under a name of its own: committed from the harness's busybox image
// (imported offline), labelled `berth.test=<run id>`, and removed only while they carry it.
import { createContainer, engine, runId, testLabels, type Tracker } from './engine';

/** Commits `repository:tag` from a container of the busybox test image, labelled with this run. */
export async function commitTestImage(tracker: Tracker, repository: string, tag: string): Promise<string> {
  const container = await createContainer(tracker);
  await container.commit({
    repo: repository,
    tag,
    changes: Object.entries(testLabels()).map(([k, v]) => `LABEL ${k}=${v}`),
  });
  return `${repository}:${tag}`;
}

/** Removes `image` if it exists and carries this run's label; anything else is left alone. */
export async function removeTestImage(image: string): Promise<void> {
  const inspected = await engine()
    .getImage(image)
    .inspect()
    .catch(() => undefined);
  if (inspected?.Config.Labels?.['berth.test'] === runId) await engine().getImage(image).remove();
}
