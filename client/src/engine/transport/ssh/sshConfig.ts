// OpenSSH's client configuration (~/.ssh/config, /etc/ssh/ssh_config) read as `ssh` reads it, for
// the few options that decide where an ssh:// engine is and how Berth logs in: so that
// DOCKER_HOST=ssh://myserver reaches the same host, port and user as the docker CLI (which runs
// `ssh`) does. Pure: files are read through the functions passed in.
import { matchesHostPatterns, matchesWildcard } from './wildcard';

/** Where a directive was written, for messages: `~/.ssh/config line 12`. */
export interface ConfigPlace {
  file: string;
  /** 1-based. */
  line: number;
}

/** A ProxyJump or ProxyCommand that applies: Berth cannot route through it. */
export interface SshProxy {
  keyword: 'ProxyJump' | 'ProxyCommand';
  value: string;
  at: ConfigPlace;
  /** Why Berth cannot take this route, when it is not the keyword itself. */
  reason?: string;
}

/** The options that apply to one host, each the first value obtained, as for ssh. */
export interface SshHostOptions {
  /** HostName with `%h` already replaced. */
  hostName?: string;
  user?: string;
  port?: number;
  /** Every IdentityFile that applies, in order, as written (tokens not yet expanded). */
  identityFiles: string[];
  userKnownHostsFiles?: string[];
  globalKnownHostsFiles?: string[];
  hostKeyAlias?: string;
  identityAgent?: string;
  /** Only the IdentityFile keys, also from the agent: ssh offers none of the agent's others. */
  identitiesOnly?: boolean;
  proxy?: SshProxy;
  /** ConnectTimeout: how long reaching the host and the key exchange may take. */
  connectTimeout?: TimeSetting;
  /** ServerAliveInterval: how often a quiet connection is checked; 0 is ssh's "never". */
  serverAliveInterval?: TimeSetting;
  /** ServerAliveCountMax: how many checks may go unanswered before the connection ends. */
  serverAliveCountMax?: number;
  /** What in the files was not followed, and why, for the log. */
  notes: string[];
}

/** A time option in seconds, and where it was set, for messages. */
export interface TimeSetting {
  seconds: number;
  at: ConfigPlace;
}

/** ssh's time format (convtime): `90`, `90s`, `1m30s`, `2h`; undefined for what ssh refuses. */
export function parseSshTime(text: string): number | undefined {
  if (!/^(\d+[smhdw]?)+$/i.test(text)) return undefined;
  const unit: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  let seconds = 0;
  for (const [, count, suffix] of text.matchAll(/(\d+)([smhdw]?)/gi))
    seconds += Number(count) * unit[suffix.toLowerCase()];
  return Number.isSafeInteger(seconds) ? seconds : undefined;
}

/** How the files are reached; each returns undefined for a file or folder that cannot be read. */
export interface ConfigReader {
  read(file: string): string | undefined;
  /** The names in a folder, for Include's wildcards. */
  list(dir: string): string[] | undefined;
}

export interface ResolveContext {
  /** The home folder, for `~` and relative Include paths of the user's file. */
  home: string;
  localUser: string;
  /** The remote user already known (from the URL), which `Match user` tests. */
  user?: string;
}

interface Directive {
  keyword: string;
  args: string[];
  /** The line after the keyword, as written: ProxyCommand takes it whole, quotes and all. */
  rest: string;
  at: ConfigPlace;
}

/** The keyword's arguments as written on the line, without the `=` that may follow it. */
function restOf(text: string, keyword: string): string {
  return text.slice(keyword.length).replace(/^\s*=?\s*/, '');
}

/** ssh's own limit: an Include that includes itself stops here. */
const maxIncludeDepth = 16;

/** Splits one line as ssh's argv_split does: whitespace, double quotes, `keyword=value`. */
export function splitConfigLine(line: string): string[] {
  const text = line.trim();
  if (text === '' || text.startsWith('#')) return [];
  const keyword = /^[^\s=]+/.exec(text)?.[0] ?? '';
  // One `=` may stand between the keyword and its arguments, with or without spaces.
  const rest = restOf(text, keyword);
  const args: string[] = [];
  let current = '';
  let quoted = false;
  let started = false;
  for (const ch of rest) {
    if (ch === '"') {
      quoted = !quoted;
      started = true;
    } else if (!quoted && /\s/.test(ch)) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else if (!quoted && ch === '#' && !started) {
      break;
    } else {
      current += ch;
      started = true;
    }
  }
  if (started) args.push(current);
  return [keyword, ...args];
}

/** `~/…` against the home folder. */
export function expandTilde(path: string, home: string): string {
  return path === '~' ? home : path.startsWith('~/') ? `${home}${path.slice(1)}` : path;
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`;
}

function isAbsolute(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path);
}

class Resolution {
  readonly options: SshHostOptions = { identityFiles: [], notes: [] };
  /** Whether a `Match final` block asked for the second pass. */
  wantsFinalPass = false;
  finalPass = false;

  constructor(
    private readonly host: string,
    private readonly context: ResolveContext,
    private readonly reader: ConfigReader,
  ) {}

  /** Reads one file; `base` is where its relative Include paths start. */
  readFile(file: string, base: string, depth: number): void {
    const text = this.reader.read(file);
    if (text === undefined) return;
    let active = true;
    text.split(/\r?\n/).forEach((raw, index) => {
      const [keyword, ...args] = splitConfigLine(raw);
      if (!keyword) return;
      const at = { file, line: index + 1 };
      const name = keyword.toLowerCase();
      if (name === 'host') active = matchesHostPatterns(this.host, args);
      else if (name === 'match') active = this.matchBlock(args, at);
      else if (active)
        this.apply({ keyword: name, args, rest: restOf(raw.trim(), keyword), at }, base, depth);
    });
  }

  private matchBlock(args: string[], at: ConfigPlace): boolean {
    let all = true;
    for (let i = 0; i < args.length; i++) {
      const raw = args[i];
      const negated = raw.startsWith('!');
      const criterion = (negated ? raw.slice(1) : raw).toLowerCase();
      let result: boolean;
      if (criterion === 'all') result = true;
      else if (criterion === 'canonical') result = false;
      else if (criterion === 'final') {
        this.wantsFinalPass = true;
        result = this.finalPass;
      } else {
        const value = args[++i];
        if (value === undefined) {
          this.note(at, `Match ${criterion} has no argument`);
          return false;
        }
        const patterns = value.split(',');
        if (criterion === 'host') result = matchesHostPatterns(this.options.hostName ?? this.host, patterns);
        else if (criterion === 'originalhost') result = matchesHostPatterns(this.host, patterns);
        else if (criterion === 'user')
          result = matchesHostPatterns(
            this.context.user ?? this.options.user ?? this.context.localUser,
            patterns,
          );
        else if (criterion === 'localuser') result = matchesHostPatterns(this.context.localUser, patterns);
        else if (criterion === 'command') result = matchesHostPatterns('docker system dial-stdio', patterns);
        else if (criterion === 'sessiontype') result = matchesHostPatterns('exec', patterns);
        else {
          // `exec` would run a shell command from the file; the others need what Berth lacks.
          this.note(at, `Match ${criterion} is not evaluated, so its block is skipped`);
          return false;
        }
      }
      if (negated) result = !result;
      all &&= result;
    }
    return all;
  }

  private apply({ keyword, args, rest, at }: Directive, base: string, depth: number): void {
    const options = this.options;
    const first = args[0];
    if (first === undefined) return;
    switch (keyword) {
      case 'include':
        for (const pattern of args) this.include(pattern, base, depth, at);
        return;
      case 'hostname':
        options.hostName ??= first.replace(/%(.)/g, (token, char: string) =>
          char === 'h' ? this.host : char === '%' ? '%' : token,
        );
        return;
      case 'user':
        options.user ??= first;
        return;
      case 'port': {
        const port = Number(first);
        if (options.port === undefined) {
          if (Number.isInteger(port) && port > 0 && port < 65536) options.port = port;
          else this.note(at, `Port ${first} is not a port number`);
        }
        return;
      }
      case 'identityfile':
        options.identityFiles.push(first);
        return;
      case 'userknownhostsfile':
        options.userKnownHostsFiles ??= first.toLowerCase() === 'none' ? [] : args;
        return;
      case 'globalknownhostsfile':
        options.globalKnownHostsFiles ??= first.toLowerCase() === 'none' ? [] : args;
        return;
      case 'hostkeyalias':
        options.hostKeyAlias ??= first;
        return;
      case 'identityagent':
        options.identityAgent ??= first;
        return;
      case 'identitiesonly':
        options.identitiesOnly ??= first.toLowerCase() === 'yes';
        return;
      case 'connecttimeout':
        options.connectTimeout ??= this.time('ConnectTimeout', first, at);
        return;
      case 'serveraliveinterval':
        options.serverAliveInterval ??= this.time('ServerAliveInterval', first, at);
        return;
      case 'serveralivecountmax':
        if (options.serverAliveCountMax === undefined) {
          if (/^\d+$/.test(first)) options.serverAliveCountMax = Number(first);
          else this.note(at, `ServerAliveCountMax ${first} is not a number`);
        }
        return;
      case 'proxyjump':
      case 'proxycommand':
        // The first of the two that is set decides, and `none` sets "no proxy".
        if (!('proxy' in options))
          options.proxy =
            first.toLowerCase() === 'none'
              ? undefined
              : {
                  keyword: keyword === 'proxyjump' ? 'ProxyJump' : 'ProxyCommand',
                  value: keyword === 'proxyjump' ? args.join(' ') : rest,
                  at,
                };
        return;
    }
  }

  private include(pattern: string, base: string, depth: number, at: ConfigPlace): void {
    if (depth >= maxIncludeDepth) {
      this.note(at, `Include nests deeper than ${maxIncludeDepth} files`);
      return;
    }
    const expanded = expandTilde(pattern, this.context.home);
    const path = isAbsolute(expanded) ? expanded : joinPath(base, expanded);
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, slash) || '/';
    const name = path.slice(slash + 1);
    if (!/[*?]/.test(name)) {
      this.readFile(path, base, depth + 1);
      return;
    }
    // ssh reads the matches of a wildcard in sorted order.
    const names = (this.reader.list(dir) ?? []).filter((n) => matchesGlob(n, name)).sort();
    for (const n of names) this.readFile(joinPath(dir, n), base, depth + 1);
  }

  private time(keyword: string, value: string, at: ConfigPlace): TimeSetting | undefined {
    const seconds = parseSshTime(value);
    if (seconds === undefined)
      this.note(at, `${keyword} ${value} is not a time (ssh writes 30, 30s or 1m30s)`);
    return seconds === undefined ? undefined : { seconds, at };
  }

  private note(at: ConfigPlace, what: string): void {
    this.options.notes.push(`${at.file} line ${at.line}: ${what}`);
  }
}

/** Include's file names: case counts, and a wildcard does not pick hidden files, as glob(3). */
function matchesGlob(name: string, pattern: string): boolean {
  if (name.startsWith('.') && !pattern.startsWith('.')) return false;
  return matchesWildcard(name, pattern);
}

/** One config file and the folder its relative Include paths start from. */
export interface ConfigFile {
  file: string;
  includeBase: string;
}

/** Where ssh keeps its system-wide files: Win32-OpenSSH under ProgramData, others /etc/ssh. */
export function systemSshDir(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string {
  return platform === 'win32' ? `${env.PROGRAMDATA ?? 'C:\\ProgramData'}\\ssh` : '/etc/ssh';
}

/** The files ssh reads, in its order: the user's, then the system's. */
export function defaultConfigFiles(home: string, systemDir: string): ConfigFile[] {
  return [
    { file: joinPath(home, '.ssh/config'), includeBase: joinPath(home, '.ssh') },
    { file: joinPath(systemDir, 'ssh_config'), includeBase: systemDir },
  ];
}

/** The options for `host` (as written in the URL), from `files` in order. */
export function resolveSshConfig(
  host: string,
  files: readonly ConfigFile[],
  context: ResolveContext,
  reader: ConfigReader,
): SshHostOptions {
  const resolution = new Resolution(host.toLowerCase(), context, reader);
  for (const { file, includeBase } of files) resolution.readFile(file, includeBase, 0);
  if (resolution.wantsFinalPass) {
    // As ssh: once more, now with `Match final` true; first values obtained still win.
    resolution.finalPass = true;
    for (const { file, includeBase } of files) resolution.readFile(file, includeBase, 0);
  }
  return resolution.options;
}

/** ssh's tokens in IdentityFile, UserKnownHostsFile and IdentityAgent, and `${VAR}`. */
export function expandPathTokens(
  path: string,
  values: {
    home: string;
    localUser: string;
    hostName: string;
    originalHost: string;
    port: number;
    user: string;
    uid?: number;
  },
  env: Readonly<Record<string, string | undefined>>,
): string {
  const tokens: Record<string, string> = {
    d: values.home,
    u: values.localUser,
    h: values.hostName,
    n: values.originalHost,
    p: String(values.port),
    r: values.user,
    i: values.uid === undefined ? '%i' : String(values.uid),
    '%': '%',
  };
  const withTokens = path.replace(/%(.)/g, (whole, char: string) => tokens[char] ?? whole);
  const withEnv = withTokens.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g,
    (whole, name: string) => env[name] ?? whole,
  );
  return expandTilde(withEnv, values.home);
}
