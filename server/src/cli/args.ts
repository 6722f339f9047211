import { isFailureThreshold, type FailureThreshold } from '../dockerfile/lint/config';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'checkstyle';

export interface CliOptions {
  paths: string[];
  format: OutputFormat;
  config: string | undefined;
  failureThreshold: FailureThreshold | undefined;
  listRules: boolean;
  lang: 'en' | 'zh-cn';
  /** Unset: the linter's default. */
  maxInstructions: number | undefined;
  help: boolean;
}

export class UsageError extends Error {}

const formats: readonly OutputFormat[] = ['text', 'json', 'sarif', 'checkstyle'];

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    paths: [],
    format: 'text',
    config: undefined,
    failureThreshold: undefined,
    listRules: false,
    lang: 'en',
    maxInstructions: undefined,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      if (eq > 0) return arg.slice(eq + 1);
      const next = argv[++i];
      if (next === undefined) throw new UsageError(`${name} needs a value`);
      return next;
    };
    switch (name) {
      case '-h':
      case '--help':
        options.help = true;
        break;
      case '--list-rules':
        options.listRules = true;
        break;
      case '-f':
      case '--format': {
        const v = value();
        if (!formats.includes(v as OutputFormat))
          throw new UsageError(`--format must be one of ${formats.join(', ')}, not "${v}"`);
        options.format = v as OutputFormat;
        break;
      }
      case '-c':
      case '--config':
        options.config = value();
        break;
      case '-t':
      case '--failure-threshold': {
        const v = value();
        if (!isFailureThreshold(v))
          throw new UsageError(
            `--failure-threshold must be one of error, warning, info, style, none, not "${v}"`,
          );
        options.failureThreshold = v;
        break;
      }
      case '--lang': {
        const v = value().toLowerCase();
        if (v !== 'en' && v !== 'zh-cn') throw new UsageError(`--lang must be en or zh-cn, not "${v}"`);
        options.lang = v;
        break;
      }
      case '--max-instructions': {
        const v = value();
        if (!/^\d+$/.test(v))
          throw new UsageError(
            `--max-instructions must be a whole number (0 reads every instruction), not "${v}"`,
          );
        options.maxInstructions = Number(v);
        break;
      }
      case '--':
        options.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} (see --help)`);
        options.paths.push(arg);
    }
  }
  return options;
}

export const helpText = `Usage: berth-lint [options] <file|folder>...

Lints Dockerfiles. Folders are searched for Dockerfile, Dockerfile.*, *.Dockerfile,
*.dockerfile and Containerfile.

Options:
  -f, --format <text|json|sarif|checkstyle>   output format (default: text)
  -c, --config <file>                         a .hadolint.yaml to use (default: the nearest
                                              one above each Dockerfile)
  -t, --failure-threshold <error|warning|info|style|none>
                                              exit 1 when a finding is at least this severe
                                              (default: the config's, else info)
      --list-rules                            list every rule and exit
      --lang <en|zh-cn>                       language of messages (default: en)
      --max-instructions <n>                  stop linting a file after n instructions, with
                                              a notice (default: 1000; 0 reads them all)
  -h, --help                                  show this help

Exit codes: 0 clean, 1 findings at or above the threshold, 2 usage error.
`;
