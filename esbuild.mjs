// One bundler for everything that ships: the client runs in the extension host (vscode is
// provided there), the server and the CLI run in plain Node and carry all their code.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

await import('./scripts/build-l10n.mjs');

await import('./scripts/build-vendor.mjs');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--cli`: only the berth-lint package (its packaging test builds it so).
const cliOnly = process.argv.includes('--cli');

/** Prints errors in the shape of the `$esbuild-watch` problem matcher. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * dockerode loads its BuildKit session support (@grpc/grpc-js, @grpc/proto-loader) as soon as it
 * is evaluated, though only `buildImage({ version: '2' })` uses it, and Berth never builds. The
 * client evaluates dockerode on the first connect, on the way to the first tree render: leave
 * that code out.
 */
const withoutBuildkitSession = {
  name: 'without-buildkit-session',
  setup(build) {
    build.onResolve({ filter: /^\.\/session$/ }, (args) =>
      /[\\/]dockerode[\\/]lib$/.test(args.resolveDir)
        ? { path: 'dockerode-session', namespace: 'berth-stub' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'berth-stub' }, () => ({
      contents: "module.exports = () => { throw new Error('Berth does not bundle BuildKit sessions'); };",
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  sourcesContent: false,
  minify: production,
  logLevel: 'warning',
  // ssh2 probes for optional native add-ons inside try/catch; they are never bundled.
  external: ['cpu-features', './crypto/build/Release/sshcrypto.node'],
  plugins: watch ? [problemMatcher] : [],
};

// berth-lint is its own npm package (packages/berth-lint), bundled from the same sources: its
// only runtime need is Node. The extension does not ship it.
const cliPackage = `${import.meta.dirname}/packages/berth-lint`;
fs.copyFileSync(`${import.meta.dirname}/LICENSE`, `${cliPackage}/LICENSE`);
/**
 * Writes the CLI's files, the CLI bundle ending in its own SHA-256: the bin names the bundle's
 * code cache by it (server/src/cli/codeCache.ts) without loading node:crypto to hash it.
 */
const withBundleKey = {
  name: 'bundle-key',
  setup(build) {
    build.onEnd((result) => {
      for (const { path: file, text } of result.outputFiles ?? []) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const key =
          path.basename(file) === 'berth-lint-cli.js'
            ? createHash('sha256').update(text).digest('hex')
            : undefined;
        fs.writeFileSync(file, key ? `${text}//# berthBundleSha256=${key}\n` : text);
        // What esbuild itself does for a file with a shebang.
        if (text.startsWith('#!')) fs.chmodSync(file, 0o755);
      }
    });
  },
};

/**
 * Compose's code and the YAML parser each go to a file of their own, which the CLI requires when
 * a run first needs it: a run over Dockerfiles then reads, and V8 loads, about half the code.
 */
const cliFiles = {
  name: 'cli-files',
  setup(build) {
    build.onResolve({ filter: /^\.\/compose$/ }, ({ importer }) =>
      path.basename(path.dirname(importer)) === 'cli'
        ? { path: './berth-lint-compose.js', external: true }
        : undefined,
    );
    build.onResolve({ filter: /^yaml$/ }, ({ kind }) =>
      kind === 'entry-point' ? undefined : { path: './berth-lint-yaml.js', external: true },
    );
  },
};

const cli = {
  ...common,
  write: false,
  plugins: [...common.plugins, cliFiles, withBundleKey],
  // The bin runs the CLI as a vm.Script, which has no import(): those files are required.
  supported: { 'dynamic-import': false },
  // The bin is a small launcher that loads the CLI with V8's code cache (server/src/cli/bin.ts).
  entryPoints: {
    'berth-lint': 'server/src/cli/bin.ts',
    'berth-lint-cli': 'server/src/cli/main.ts',
    'berth-lint-compose': 'server/src/cli/compose.ts',
    'berth-lint-yaml': 'yaml',
  },
  outdir: `${cliPackage}/dist`,
  // No source map in the package: it would weigh more than the code.
  sourcemap: false,
};

const extension = [
  {
    ...common,
    entryPoints: { 'client/extension': 'client/src/extension.ts' },
    external: [...common.external, 'vscode'],
    plugins: [...common.plugins, withoutBuildkitSession],
    outdir: 'dist',
  },
  {
    ...common,
    // The client starts dist/server/server.js.
    entryPoints: { 'server/server': 'server/src/main.ts' },
    outdir: 'dist',
  },
  {
    ...common,
    // The in-editor mocha suite is loaded by VS Code's test runner, never shipped.
    entryPoints: { 'vscode-suite/index': 'test/vscode/index.ts' },
    // mocha loads its reporters by path at run time; it resolves from node_modules instead.
    external: [...common.external, 'vscode', 'mocha'],
    outdir: 'out',
    minify: false,
    sourcemap: true,
  },
];

const contexts = await Promise.all(
  [cli, ...(cliOnly ? [] : extension)].map((options) => esbuild.context(options)),
);

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
