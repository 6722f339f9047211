// A private dockerd for tests that must not touch the shared engine (a Swarm, for one), started
// by scripts/throwaway-engine.sh. The script runs until its stdin closes: `stop()` closes it, and
// so does this process dying, so the engine never outlives the test that started it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const script = path.join(import.meta.dirname, '..', '..', 'scripts', 'throwaway-engine.sh');

export interface ThrowawayEngine {
  socketPath: string;
  /** Where it keeps its socket; a new engine started in it listens on the same socket path. */
  dir: string;
  stop(): Promise<void>;
}

/** Why a throwaway engine cannot start here, or undefined when it can. */
export function throwawayEngineMissingReason(): string | undefined {
  if (process.platform !== 'linux') return 'a throwaway engine needs Linux namespaces';
  if (process.getuid?.() !== 0) return 'a throwaway engine needs root (namespaces, mounts)';
  return undefined;
}

/** Starts a fresh engine; in `dir` (of one that was stopped) it comes back on the same socket, empty. */
export function startThrowawayEngine(
  dir = mkdtempSync(path.join(os.tmpdir(), 'berth-swarm-')),
): Promise<ThrowawayEngine> {
  const child: ChildProcess = spawn(
    'bash',
    [
      '-c',
      'source "$1" && throwaway_engine_start "$2" || exit 1; echo "ready $THROWAWAY_ENGINE_SOCKET"; read -r _; throwaway_engine_stop',
      'bash',
      script,
      dir,
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\S+)\n/.exec(output);
      if (!match) return;
      resolve({
        socketPath: match[1],
        dir,
        stop: async () => {
          child.stdin?.end();
          await exited;
        },
      });
    });
    void exited.then(() => reject(new Error(`the throwaway engine did not start: ${errors.trim()}`)));
  });
}
