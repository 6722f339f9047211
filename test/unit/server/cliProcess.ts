// berth-lint as a user runs it: the bundled CLI in its own process, in a scratch folder.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundle } from './bundle';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  dir: string;
  run(args: readonly string[], options?: { input?: string; env?: Record<string, string> }): CliResult;
  /**
   * Runs it with a terminal as its output, through util-linux's `script`; undefined when `script`
   * is not installed. The terminal turns line ends into CR LF.
   */
  runInTerminal(args: readonly string[], env?: Record<string, string>): CliResult | undefined;
  write(rel: string, text: string): string;
  dispose(): void;
}

/**
 * The environment without anything that would colour the output or change what it says: no
 * colour variables, no HADOLINT_* of the caller's, and a home of its own, so that the caller's own
 * hadolint config (`~/.config/hadolint.yaml`, which may set `format:` or ignore rules) is not read.
 * The compile cache stays where the caller's is.
 */
function quietEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  for (const name of Object.keys(env)) if (name.startsWith('HADOLINT_')) delete env[name];
  const cache = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return { ...env, HOME: home, XDG_CONFIG_HOME: '', XDG_CACHE_HOME: cache, ...extra };
}

export async function cliProcess(): Promise<CliProcess> {
  const cli = await bundle('cli');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cli-'));
  // Outside `dir`, whose files the tests list.
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-cli-home-'));
  return {
    dir,
    run(args, options = {}) {
      const r = spawnSync(process.execPath, [cli, ...args], {
        encoding: 'utf8',
        cwd: dir,
        input: options.input ?? '',
        env: quietEnv(home, options.env),
      });
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    runInTerminal(args, env) {
      const quote = (arg: string) => `'${arg.replace(/'/g, `'\\''`)}'`;
      const command = [process.execPath, cli, ...args].map(quote).join(' ');
      const r = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], {
        encoding: 'utf8',
        cwd: dir,
        // The caller's own TERM (`dumb` under some CI runners) would switch colour off inside the
        // pseudo-terminal that script(1) gives us.
        env: quietEnv(home, { TERM: 'xterm-256color', ...env }),
      });
      if (r.error) return undefined;
      return { code: r.status, stdout: r.stdout, stderr: r.stderr };
    },
    write(rel, text) {
      const file = path.join(dir, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
    dispose: () => {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}
