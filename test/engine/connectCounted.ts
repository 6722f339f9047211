// Connects the way Berth does (client/src/engine/transport/connect.ts) with a request counter, so a test
// can prove how many Engine API calls something made, or that rejected input made none.
import assert from 'node:assert/strict';
import type Docker from 'dockerode';
import { connect } from '../../client/src/engine/transport/connect';
import type { EngineInfo } from '../../client/src/engine/model/snapshot';
import { engineUnavailableReason, requireAll, socketPath } from '../harness/engine';

export type CountedConnection =
  | { ok: true; docker: Docker; info: EngineInfo }
  | { ok: false; /** Why the engine cannot be used, for t.skip. */ reason: string };

/** Throws instead of reporting a reason when BERTH_REQUIRE_ALL=1, so CI cannot skip silently. */
export async function connectCounted(counter: { count: number }): Promise<CountedConnection> {
  const reason = await engineUnavailableReason();
  if (reason) {
    if (requireAll) throw new Error(reason);
    return { ok: false, reason };
  }
  const result = await connect({ dockerHost: `unix://${socketPath}`, env: {}, counter });
  assert.ok(result.ok, 'the engine answered the harness but not Berth’s connection');
  return { ok: true, docker: result.docker, info: result.info };
}
