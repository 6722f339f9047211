// The program a ProxyCommand names, started without a shell: its standard input and output carry
// the SSH connection, and what it writes to standard error explains a failure.
import { spawn } from 'node:child_process';
import { Duplex } from 'node:stream';
import { SshProxyCommandError } from './errors';
import type { ProxyCommandRoute } from './sshTarget';

/** Enough of standard error for a message; a chatty proxy keeps only its last words. */
const stderrKept = 2000;

export interface ProxyProcess {
  /** The connection's byte stream, for ssh2's `sock`. */
  stream: Duplex;
  /** Whether the program closed its output: the connection through it is over. */
  outputEnded(): boolean;
  /** Why the program ended, once it has: its exit and what it wrote to standard error. */
  ended(): Promise<string>;
  stop(): void;
}

export function startProxyCommand(route: ProxyCommandRoute): Promise<ProxyProcess> {
  const [program, ...args] = route.argv;
  const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-stderrKept)));
  const exited = new Promise<string>((resolve) =>
    child.once('close', (code, signal) => {
      const how = signal ? `was stopped by ${signal}` : `exited with code ${code}`;
      const said = stderr.trim();
      resolve(said ? `${how}: ${said}` : how);
    }),
  );
  return new Promise<ProxyProcess>((resolve, reject) => {
    child.on('error', (error) =>
      reject(new SshProxyCommandError(route, `${program} could not be started: ${error.message}`)),
    );
    child.once('spawn', () =>
      resolve({
        stream: Duplex.from({ readable: child.stdout, writable: child.stdin }),
        outputEnded: () => child.stdout.readableEnded,
        ended: () => exited,
        stop: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill();
        },
      }),
    );
  });
}
