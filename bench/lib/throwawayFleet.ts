// Several throwaway engines (test/harness/throwawayEngine.ts) started at once and stopped together:
// by `stop()`, on Ctrl-C or SIGTERM, and, as each engine's script ends when this process's pipe
// to it closes, when this process dies any other way.
import Docker from 'dockerode';
import { startThrowawayEngine, type ThrowawayEngine } from '../../test/harness/throwawayEngine';

export interface FleetEngine {
  /** 1, 2, 3…: how the bench names it. */
  index: number;
  socketPath: string;
  /** A client of the bench's own, for seeding and bursts; Berth's sessions make their own. */
  docker: Docker;
}

export interface Fleet {
  engines: FleetEngine[];
  stop(): Promise<void>;
}

export async function startFleet(count: number): Promise<Fleet> {
  const started: ThrowawayEngine[] = [];
  const stop = () => Promise.all(started.splice(0).map((engine) => engine.stop())).then(() => undefined);
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the throwaway engines`);
    void stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const results = await Promise.allSettled(
    Array.from({ length: count }, () =>
      startThrowawayEngine().then((engine) => {
        started.push(engine);
        return engine;
      }),
    ),
  );
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const engines = (results as PromiseFulfilledResult<ThrowawayEngine>[]).map((result, i) => ({
    index: i + 1,
    socketPath: result.value.socketPath,
    docker: new Docker({ socketPath: result.value.socketPath, host: undefined }),
  }));
  return {
    engines,
    stop: async () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await stop();
    },
  };
}
