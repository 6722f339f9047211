// Swarm changes Berth makes on a manager. Removing a service stops and removes its tasks on every
// node; the engine does that itself, so this is one call.
import type Docker from 'dockerode';
import { call } from './engineCall';

export async function removeService(docker: Docker, serviceId: string): Promise<void> {
  await call(() => docker.getService(serviceId).remove());
}
