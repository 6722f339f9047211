// Container lifecycle: start, stop, restart and remove.
import type Docker from 'dockerode';
import type { Container } from '../model/snapshot';
import { call } from './engineCall';

export async function startContainer(docker: Docker, container: Pick<Container, 'id'>): Promise<void> {
  await call(() => docker.getContainer(container.id).start());
}

export async function stopContainer(docker: Docker, container: Pick<Container, 'id'>): Promise<void> {
  await call(() => docker.getContainer(container.id).stop());
}

export async function restartContainer(docker: Docker, container: Pick<Container, 'id'>): Promise<void> {
  await call(() => docker.getContainer(container.id).restart());
}

/** Removes a container (force stops a running one). Its volumes are kept. */
export async function removeContainer(docker: Docker, container: Pick<Container, 'id'>): Promise<void> {
  await call(() => docker.getContainer(container.id).remove({ force: true, v: false }));
}
