import type { RuleSeverity } from '../../../common/rules';
import {
  isFailureThreshold,
  labelTypeList,
  labelTypeNamed,
  type FailureThreshold,
  type LabelType,
} from '../dockerfile/lint/config';

export const outputFormats = [
  'text',
  'json',
  'sarif',
  'checkstyle',
  'gnu',
  'codeclimate',
  'junit',
  'sonarqube',
  'codacy',
] as const;
export type OutputFormat = (typeof outputFormats)[number];

export interface CliOptions {
  /** Files and folders to lint; `-` (standard input) is not among them but sets `stdin`. */
  paths: string[];
  stdin: boolean;
  /** The name standard input is reported under, and where its config and .dockerignore are looked up. */
  stdinFilename: string | undefined;
  /** --format, in order; empty: the config's or HADOLINT_FORMAT's, else text. */
  formats: OutputFormat[];
  /** --output, in order: where the formats go, paired by position as hadolint pairs them; `-` is stdout. */
  outputs: string[];
  /** --file-path-in-report: the file name the reports give, for a run over one file. */
  filePathInReport: string | undefined;
  /** --verbose: which configs and reports the run used, on stderr. */
  verbose: boolean;
  config: string | undefined;
  failureThreshold: FailureThreshold | undefined;
  /** --no-fail: exit 0 whatever was found, as hadolint's flag (usage errors still exit 2). */
  noFail: boolean;
  /** --ignore: rules (ids or aliases, any case) left out beside the config's `ignored`. */
  ignore: string[];
  /** --error, --warning, --info, --style: severities that win over the config's `override`. */
  severities: Array<{ rule: string; severity: RuleSeverity; flag: string }>;
  /** --trusted-registry: added to each config's `trustedRegistries` (rule untrusted-registry). */
  trustedRegistries: string[];
  /** --disable-ignore-pragma: `# hadolint ignore=` comments silence nothing, as hadolint's flag. */
  disableIgnorePragma: boolean;
  /** --require-label name:type: laid over each config's `label-schema` (the label-* rules). */
  labelSchema: Map<string, LabelType>;
  /** --strict-labels: a label outside the schema is reported, as the config's `strict-labels: true`. */
  strictLabels: boolean;
  listRules: boolean;
  lang: 'en' | 'zh-cn';
  /** Unset: the linter's default. */
  maxInstructions: number | undefined;
  /** --color / --no-color; unset: decided by the terminal and the environment. */
  color: boolean | undefined;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

/** hadolint's names for the formats Berth also writes, so that its commands carry over. */
const hadolintFormatNames: Readonly<Record<string, OutputFormat>> = {
  tty: 'text',
  gitlab_codeclimate: 'codeclimate',
};

/** The format a --format value names: one of Berth's names or hadolint's for the same format. */
export function outputFormatNamed(name: string): OutputFormat | undefined {
  if ((outputFormats as readonly string[]).includes(name)) return name as OutputFormat;
  return Object.hasOwn(hadolintFormatNames, name) ? hadolintFormatNames[name] : undefined;
}

/** hadolint's flag names; `style` is what Berth and LSP call a hint. */
const severityOf: Record<string, RuleSeverity> = {
  '--error': 'error',
  '--warning': 'warning',
  '--info': 'info',
  '--style': 'hint',
};

/**
 * One `name:type` of --require-label or HADOLINT_REQUIRE_LABELS, read as hadolint reads it: the
 * name is what comes before the first `:`, and no `:` (or nothing after it) means `text`. A string
 * says what is wrong with it.
 */
export function labelRequirement(text: string): { label: string; type: LabelType } | string {
  const colon = text.indexOf(':');
  const label = colon < 0 ? text : text.slice(0, colon);
  const typeName = colon < 0 ? '' : text.slice(colon + 1);
  if (label === '') return `"${text}" names no label`;
  const type = labelTypeNamed(typeName);
  if (type === undefined) return `"${text}": the type "${typeName}" is not one of ${labelTypeList}`;
  return { label, type };
}

function ruleName(flag: string, value: string): string {
  if (!/^[A-Za-z][\w-]*$/.test(value))
    throw new UsageError(`${flag} takes a rule id or alias (e.g. DL3006 or from-untagged), not "${value}"`);
  return value;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    paths: [],
    stdin: false,
    stdinFilename: undefined,
    formats: [],
    outputs: [],
    filePathInReport: undefined,
    verbose: false,
    config: undefined,
    failureThreshold: undefined,
    noFail: false,
    ignore: [],
    severities: [],
    trustedRegistries: [],
    disableIgnorePragma: false,
    labelSchema: new Map(),
    strictLabels: false,
    listRules: false,
    lang: 'en',
    maxInstructions: undefined,
    color: undefined,
    help: false,
    version: false,
  };
  const addPath = (p: string): void => {
    if (p !== '-') options.paths.push(p);
    else if (options.stdin) throw new UsageError('- (standard input) is given twice');
    else options.stdin = true;
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
      case '-v':
      case '--version':
        options.version = true;
        break;
      case '--list-rules':
        options.listRules = true;
        break;
      case '-f':
      case '--format': {
        const v = value();
        const format = outputFormatNamed(v);
        if (format === undefined)
          throw new UsageError(`--format must be one of ${outputFormats.join(', ')}, not "${v}"`);
        options.formats.push(format);
        break;
      }
      case '-o':
      case '--output': {
        const v = value();
        if (v === '') throw new UsageError('--output needs a file name (- writes to standard output)');
        options.outputs.push(v);
        break;
      }
      case '--file-path-in-report': {
        const v = value();
        if (v === '') throw new UsageError('--file-path-in-report needs a file name');
        options.filePathInReport = v;
        break;
      }
      case '-V':
      case '--verbose':
        options.verbose = true;
        break;
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
      case '--no-fail':
        options.noFail = true;
        break;
      case '--disable-ignore-pragma':
        options.disableIgnorePragma = true;
        break;
      case '--ignore':
        options.ignore.push(ruleName(name, value()));
        break;
      case '--error':
      case '--warning':
      case '--info':
      case '--style':
        options.severities.push({ rule: ruleName(name, value()), severity: severityOf[name], flag: name });
        break;
      case '--trusted-registry': {
        const v = value();
        if (!/^[A-Za-z0-9*][\w.:*-]*$/.test(v))
          throw new UsageError(
            `--trusted-registry takes a registry host, e.g. docker.io, my-company.com:5000 or "*.gcr.io", not "${v}"`,
          );
        options.trustedRegistries.push(v);
        break;
      }
      case '--require-label': {
        const requirement = labelRequirement(value());
        if (typeof requirement === 'string')
          throw new UsageError(`--require-label takes <label>:<type>, e.g. version:semver; ${requirement}`);
        options.labelSchema.set(requirement.label, requirement.type);
        break;
      }
      case '--strict-labels':
        options.strictLabels = true;
        break;
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
      case '--stdin-filename': {
        const v = value();
        if (v === '') throw new UsageError('--stdin-filename needs a file name');
        options.stdinFilename = v;
        break;
      }
      case '--color':
        options.color = true;
        break;
      case '--no-color':
        options.color = false;
        break;
      case '--':
        argv.slice(i + 1).forEach(addPath);
        i = argv.length;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg} (see --help)`);
        addPath(arg);
    }
  }
  if (options.stdinFilename !== undefined && !options.stdin)
    throw new UsageError('--stdin-filename names standard input: give - among the files to read it');
  if (options.listRules) {
    const [format = 'text', ...more] = options.formats;
    if ((format !== 'text' && format !== 'json') || more.length > 0)
      throw new UsageError(`--list-rules prints text or json, not ${options.formats.join(' and ')}`);
    if (options.outputs.length > 0)
      throw new UsageError(
        '--list-rules prints to standard output, not to --output: redirect it (> rules.json)',
      );
  }
  return options;
}
