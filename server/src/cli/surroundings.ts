import { readdirSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import {
  emptyConfig,
  layerConfig,
  type HadolintConfig,
  type LabelType,
  type ParseYaml,
} from '../dockerfile/lint/config';
import type { LintEnvironment } from '../dockerfile/lint/context';
import { dockerignoreEnvironment, readTextIfAny } from '../workspace/dockerignore';
import { hadolintConfigIn, loadConfig, userHadolintConfig } from '../workspace/hadolintConfig';
import { UsageError } from './args';

/** The .hadolint.yaml keys berth-lint also takes as flags. */
export interface ConfigFlags {
  trustedRegistries: readonly string[];
  disableIgnorePragma: boolean;
  labelSchema: ReadonlyMap<string, LabelType>;
  strictLabels: boolean;
}

const noFlags: ConfigFlags = {
  trustedRegistries: [],
  disableIgnorePragma: false,
  labelSchema: new Map(),
  strictLabels: false,
};

/** The flags as the top config layer; undefined when none is given. */
function flagLayer(flags: ConfigFlags): HadolintConfig | undefined {
  const given =
    flags.trustedRegistries.length > 0 ||
    flags.disableIgnorePragma ||
    flags.labelSchema.size > 0 ||
    flags.strictLabels;
  if (!given) return undefined;
  return {
    ...emptyConfig,
    trustedRegistries: [...flags.trustedRegistries],
    disableIgnorePragma: flags.disableIgnorePragma || undefined,
    labelSchema: flags.labelSchema,
    strictLabels: flags.strictLabels || undefined,
  };
}

/**
 * The config and .dockerignore for each folder a run lints in, each looked up once: a folder of
 * 200 Dockerfiles would otherwise walk to the root and stat the same files 200 times. The YAML
 * parser is loaded only once a config file is found.
 */
export class CliSurroundings {
  private readonly nearest = new Map<string, string | undefined>();
  private readonly configs = new Map<string, HadolintConfig>();
  private readonly ignoreTexts = new Map<string, string | undefined>();
  private readonly listings = new Map<string, ReadonlySet<string> | undefined>();
  private parseYaml: ParseYaml | undefined;

  /** The config of a folder without a config file, when the environment or the flags give it something. */
  private readonly withoutFile: HadolintConfig | undefined;
  private readonly flags: HadolintConfig | undefined;

  /**
   * `configFile`: --config, used for every file instead of the nearest one. `flags`: the config
   * keys also given on the command line, laid over each config as hadolint merges its command
   * line (layerConfig): --trusted-registry adds to the list, --disable-ignore-pragma turns the
   * pragmas off, --strict-labels turns strict labels on, and --require-label adds the labels the
   * config does not type itself. `fromEnvironment`: hadolint's HADOLINT_* variables, the layer
   * under each config file.
   */
  constructor(
    private readonly configFile: string | undefined,
    flags: ConfigFlags = noFlags,
    private readonly fromEnvironment?: HadolintConfig,
  ) {
    this.flags = flagLayer(flags);
    this.withoutFile =
      fromEnvironment || this.flags ? this.withFlags(fromEnvironment ?? emptyConfig) : undefined;
  }

  /** The config file a folder's Dockerfiles are linted with, if any. */
  configFileFor(dir: string): string | undefined {
    return this.configFile ?? this.nearestConfig(dir);
  }

  /** One object per config file: the linter caches its rule plan by the config object. */
  async configFor(dir: string): Promise<HadolintConfig | undefined> {
    const file = this.configFileFor(dir);
    if (file === undefined) return this.withoutFile;
    let config = this.configs.get(file);
    if (!config) {
      this.parseYaml ??= (await import('yaml')).parse;
      const loaded = loadConfig(file, this.parseYaml);
      if (loaded.error) throw new UsageError(`invalid config ${loaded.error}`);
      config = this.withFlags(
        this.fromEnvironment ? layerConfig(this.fromEnvironment, loaded.config) : loaded.config,
      );
      this.configs.set(file, config);
    }
    return config;
  }

  private withFlags(config: HadolintConfig): HadolintConfig {
    return this.flags ? layerConfig(config, this.flags) : config;
  }

  /** `dockerfile`: the path of the Dockerfile, or the name standard input stands for. */
  envFor(dockerfile: string): LintEnvironment {
    return dockerignoreEnvironment(dockerfile, (file) => {
      if (this.ignoreTexts.has(file)) return this.ignoreTexts.get(file);
      const text = this.mayExist(file) ? readTextIfAny(file) : undefined;
      this.ignoreTexts.set(file, text);
      return text;
    });
  }

  /**
   * False when the file is surely absent, from one listing of its folder: a failed read costs
   * an exception, and a folder of 200 Dockerfiles rarely has a `<name>.dockerignore` for any.
   * Names are compared in lower case, so that a case-insensitive disk is read as it opens.
   */
  private mayExist(file: string): boolean {
    const dir = dirname(file);
    let names = this.listings.get(dir);
    if (!this.listings.has(dir)) {
      try {
        names = new Set(readdirSync(dir).map((n) => n.toLowerCase()));
      } catch {
        // A folder that can be entered but not listed: its files are read as they are.
        names = undefined;
      }
      this.listings.set(dir, names);
    }
    return names === undefined || names.has(basename(file).toLowerCase());
  }

  private nearestConfig(dir: string): string | undefined {
    if (this.nearest.has(dir)) return this.nearest.get(dir);
    const parent = dirname(dir);
    const found =
      hadolintConfigIn(dir) ?? (parent === dir ? userHadolintConfig() : this.nearestConfig(parent));
    this.nearest.set(dir, found);
    return found;
  }
}
