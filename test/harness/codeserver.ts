import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** Where scripts/ensure-tools.sh puts Node 24 and code-server. */
export function toolsDir(): string {
  return process.env.BERTH_TOOLS ?? path.join(homedir(), '.cache', 'berth-tools');
}

export interface CodeServerTools {
  node: string;
  entry: string;
}

/** The pinned code-server and the Node it needs, or why they cannot be used. */
export function findCodeServer(): CodeServerTools | { missing: string } {
  const node = path.join(toolsDir(), 'node24', 'node_modules', 'node', 'bin', 'node');
  const entry = path.join(
    toolsDir(),
    'code-server',
    'node_modules',
    'code-server',
    'out',
    'node',
    'entry.js',
  );
  for (const file of [node, entry]) {
    if (!existsSync(file)) return { missing: `${file} does not exist; run scripts/ensure-tools.sh` };
  }
  return { node, entry };
}

/** Settings that keep the workbench quiet and deterministic: no welcome page, telemetry or updates. */
export const quietSettings: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'window.restoreWindows': 'none',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  // A pinned copy of an expanded parent sits over the rows scrolled under it and takes their
  // clicks; the tests are about Berth's rows, not about the pinning.
  'workbench.tree.enableStickyScroll': false,
};

export interface CodeServerOptions {
  workspace: string;
  /** VSIX files installed into the private extensions dir before start. */
  vsix?: readonly string[];
  settings?: Record<string, unknown>;
  port?: number;
  /** Extra environment for the server and so for the extension host (e.g. DOCKER_HOST). */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface CodeServer {
  readonly url: string;
  readonly port: number;
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Everything code-server printed so far; attach it to failures. */
  output(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Starts code-server on a loopback port with private user-data and extensions dirs. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const tools = findCodeServer();
  if ('missing' in tools) throw new Error(tools.missing);
  const root = mkdtempSync(path.join(tmpdir(), 'berth-cs-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  const configFile = path.join(root, 'config.yaml');
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  // A private config file stops code-server from writing ~/.config/code-server/config.yaml.
  writeFileSync(configFile, 'auth: none\n');
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({ ...quietSettings, ...options.settings }, null, 2),
  );
  // VS Code leaves its IPC sockets in the temp folder; a private one goes with the root.
  const tempDir = path.join(root, 'tmp');
  mkdirSync(tempDir);
  const env = { ...process.env, TMPDIR: tempDir, ...options.env };
  const common = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  for (const vsix of options.vsix ?? []) installExtension(tools, common, vsix, env);

  // freePort's answer is free only until someone binds it: another test's code-server started in
  // the same moment may take it, and then its /healthz would answer for ours. So only our own
  // child's "listening" line counts, and a port lost that way is tried again with a new one.
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await freePort());
    const started = await spawnCodeServer(tools, common, root, options, env, port);
    if (started.kind === 'serving') return started.server;
    if (started.kind === 'failed' || options.port !== undefined || attempt >= 3) {
      rmSync(root, { recursive: true, force: true });
      throw started.error;
    }
  }
}

type Started =
  | { kind: 'serving'; server: CodeServer }
  | { kind: 'port taken'; error: Error }
  | { kind: 'failed'; error: Error };

async function spawnCodeServer(
  tools: CodeServerTools,
  common: string[],
  root: string,
  options: CodeServerOptions,
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<Started> {
  const args = [
    tools.entry,
    ...common,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    options.workspace,
  ];
  // Its own process group, so that stop() also ends the extension host and the language server.
  const child = spawn(tools.node, args, { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.on('exit', killOnExit);

  const url = `http://127.0.0.1:${port}/`;
  const stopChild = async () => {
    process.off('exit', killOnExit);
    await stopGroup(child);
  };
  try {
    await waitUntilServing(url, child, () => output, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stopChild();
    const failure = new Error(`${(error as Error).message}\n--- code-server output ---\n${output}`, {
      cause: error,
    });
    return { kind: /EADDRINUSE/.test(output) ? 'port taken' : 'failed', error: failure };
  }
  const server: CodeServer = {
    url,
    port,
    workspace: path.resolve(options.workspace),
    userDataDir: path.join(root, 'user-data'),
    extensionsDir: path.join(root, 'extensions'),
    output: () => output,
    stop: async () => {
      await stopChild();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return { kind: 'serving', server };
}

function installExtension(
  tools: CodeServerTools,
  common: string[],
  vsix: string,
  env: NodeJS.ProcessEnv,
): void {
  const result = spawnSync(tools.node, [tools.entry, ...common, '--install-extension', vsix], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (result.status !== 0) {
    throw new Error(`code-server could not install ${vsix}:\n${result.stdout}${result.stderr}`);
  }
}

async function waitUntilServing(
  url: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited: string | undefined;
  child.once(
    'exit',
    (code, signal) => (exited = `code-server exited early (code ${code}, signal ${signal})`),
  );
  for (;;) {
    if (exited) throw new Error(exited);
    // Our own child must say it listens on this port: a /healthz answer alone may be another's.
    if (output().includes(`server listening on ${url}`)) {
      try {
        const response = await fetch(new URL('healthz', url), { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // Not answering yet.
      }
    }
    if (Date.now() > deadline) throw new Error(`code-server did not serve ${url} within ${timeoutMs} ms`);
    await delay(200);
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
  // Children of the group (extension host, language server) may outlive the leader's exit.
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Nothing left.
    }
  }
}

const repoRoot = path.resolve(__dirname, '..', '..');

/**
 * The VSIX to test: `$BERTH_VSIX` when scripts/test-all.sh already packaged one for this run,
 * otherwise a fresh `npm run package`, copied into `dir` so that later builds cannot change it.
 */
export function packageBerth(dir: string): string {
  const prebuilt = process.env.BERTH_VSIX;
  if (prebuilt && existsSync(prebuilt)) return prebuilt;
  // The same script as `npm run package`, so that tests install exactly what ships.
  const result = spawnSync('npm', ['run', '--silent', 'package'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`packaging Berth failed:\n${result.stdout}${result.stderr}`);
  const vsix = path.join(dir, 'berth.vsix');
  copyFileSync(path.join(repoRoot, 'dist', 'berth.vsix'), vsix);
  return vsix;
}
