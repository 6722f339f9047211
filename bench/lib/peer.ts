// Microsoft's Container Tools client (@microsoft/vscode-container-client), loading what Berth's
// model holds: all containers, networks with their inspect data (for IPAM), volumes. It runs the
// docker CLI, as Container Tools does.
import { createRequire } from 'node:module';
import Module from 'node:module';

export interface Peer {
  load(): Promise<{ containers: number; networks: number; volumes: number }>;
}

/** Container Tools' own client. It imports `vscode` only for two enums; give it those, as VS Code defines them. */
export function containerToolsClient(): Peer {
  const resolver = Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string };
  const original = resolver._resolveFilename;
  resolver._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? 'vscode' : original.call(this, request, ...rest);
  };
  const require = createRequire(import.meta.url);
  require.cache.vscode = {
    id: 'vscode',
    exports: {
      ShellQuoting: { Escape: 1, Strong: 2, Weak: 3 },
      FileType: { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 },
    },
    loaded: true,
  } as NodeJS.Module;
  type Run = <T>(response: unknown) => Promise<T>;
  const peer = require('@microsoft/vscode-container-client') as {
    DockerClient: new () => {
      listContainers(o: object): unknown;
      listNetworks(o: object): unknown;
      inspectNetworks(o: { networks: string[] }): unknown;
      listVolumes(o: object): unknown;
    };
    ShellStreamCommandRunnerFactory: new (o: object) => { getCommandRunner(): Run };
  };
  const client = new peer.DockerClient();
  // Not strict, as in Container Tools: records its schema rejects are skipped, not fatal.
  const run = new peer.ShellStreamCommandRunnerFactory({ strict: false }).getCommandRunner();
  return {
    async load() {
      const [containers, networks, volumes] = await Promise.all([
        run<unknown[]>(client.listContainers({ all: true })),
        run<{ id: string }[]>(client.listNetworks({})),
        run<unknown[]>(client.listVolumes({})),
      ]);
      const inspected = await run<unknown[]>(client.inspectNetworks({ networks: networks.map((n) => n.id) }));
      return { containers: containers.length, networks: inspected.length, volumes: volumes.length };
    },
  };
}
