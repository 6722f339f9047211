// The berth-lint npm package as a CI job gets it: built by esbuild.mjs, packed with `npm pack`,
// installed from the tarball into an empty project with no network, and run through its bin.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { version } from '../../../package.json';
import { isDockerfileName } from '../../../server/src/cli/discover';

const root = path.resolve(__dirname, '..', '..', '..');
const packageDir = path.join(root, 'packages', 'berth-lint');
let scratch: string;
let packed: { filename: string; size: number; unpackedSize: number; files: Array<{ path: string }> };
let project: string;

/** npm's output is chatty on stderr; it is shown only when a step fails. */
function npm(args: string[], cwd: string): string {
  return execFileSync('npm', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      npm_config_cache: path.join(scratch, 'npm-cache'),
      npm_config_update_notifier: 'false',
    },
  });
}

/** The bin keeps a code cache in the OS's cache folder: the test's goes to its scratch folder. */
function ownCache(): NodeJS.ProcessEnv {
  return { ...process.env, XDG_CACHE_HOME: path.join(scratch, 'cache') };
}

before(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-lint-pack-'));
  execFileSync(process.execPath, ['esbuild.mjs', '--production', '--cli'], { cwd: root });
  [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', scratch], packageDir)) as [
    typeof packed,
  ];
  project = path.join(scratch, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "ci-job", "private": true }\n');
  npm(['install', '--offline', '--no-audit', '--no-fund', path.join(scratch, packed.filename)], project);
  fs.writeFileSync(path.join(project, 'Dockerfile'), 'FROM alpine:3.20\nEXPOSE 80:80\n');
});

after(() => fs.rmSync(scratch, { recursive: true, force: true }));

void test('npm pack holds the bin, the CLI bundles it loads, the readme and the licence, and no dependencies', () => {
  assert.deepEqual(packed.files.map((f) => f.path).sort(), [
    'LICENSE',
    'README.md',
    'dist/berth-lint-cli.js',
    'dist/berth-lint-compose.js',
    'dist/berth-lint-yaml.js',
    'dist/berth-lint.js',
    'package.json',
  ]);
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  assert.equal(manifest.version, version, 'the package and the extension carry one version');
  assert.deepEqual(manifest.engines, { node: '>=20' });
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts'])
    assert.equal(manifest[field], undefined, `${field}: Node is the only thing it needs`);
  assert.ok(packed.unpackedSize < 1024 * 1024, `${packed.unpackedSize} bytes unpacked`);
});

void test('installed from the tarball, its bin lints a Dockerfile under the Node on PATH', () => {
  const bin = path.join(project, 'node_modules', '.bin', 'berth-lint');
  const nodeOnPath = execFileSync('node', ['--version'], { encoding: 'utf8' }).trim();
  const r = spawnSync(bin, ['--format', 'gnu', 'Dockerfile'], {
    cwd: project,
    encoding: 'utf8',
    env: ownCache(),
  });
  assert.equal(r.status, 1, `node ${nodeOnPath}: ${r.stderr}`);
  assert.match(
    r.stdout,
    /^Dockerfile:2:8: error: `80:80` is a publish mapping[^\n]*\[expose-host-mapping\]\n$/,
  );
  assert.equal(
    spawnSync(bin, ['--version'], { encoding: 'utf8', env: ownCache() }).stdout,
    `berth-lint ${version}\n`,
  );
});

void test('the same install runs under the test runner’s Node too', () => {
  const script = path.join(project, 'node_modules', 'berth-lint', 'dist', 'berth-lint.js');
  const r = spawnSync(process.execPath, [script, '--format', 'json', 'Dockerfile'], {
    env: ownCache(),
    cwd: project,
    encoding: 'utf8',
  });
  assert.equal(r.status, 1, r.stderr);
  assert.deepEqual(
    (JSON.parse(r.stdout) as Array<{ rule: string }>).map((f) => f.rule),
    ['expose-host-mapping'],
  );
});

void test('the installed bin writes all of a long output to a pipe before it exits', async () => {
  // Far more than a pipe holds (64 KB on Linux), so the bin's writes wait for this reader.
  const lines = Array.from({ length: 900 }, (_, i) => `EXPOSE ${8000 + i}:80`);
  fs.writeFileSync(path.join(project, 'Many.Dockerfile'), `FROM alpine:3.20\n${lines.join('\n')}\n`);
  const script = path.join(project, 'node_modules', 'berth-lint', 'dist', 'berth-lint.js');
  const child = spawn(process.execPath, [script, '--format', 'json', 'Many.Dockerfile'], {
    env: ownCache(),
    cwd: project,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const chunks: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const [status] = (await once(child, 'close')) as [number | null];
  const output = Buffer.concat(chunks).toString('utf8');
  assert.ok(output.length > 200 * 1024, `${output.length} bytes`);
  assert.equal(status, 1);
  const findings = JSON.parse(output) as Array<{ rule: string; line: number }>;
  const mappings = findings.filter((f) => f.rule === 'expose-host-mapping');
  assert.equal(mappings.length, lines.length);
  assert.equal(mappings.at(-1)?.line, lines.length + 1);
});

void test('the installed bin loads Compose’s file for a Compose file or SARIF, and the YAML file for a config', () => {
  const app = path.join(project, 'app');
  fs.cpSync(path.join(root, 'test', 'fixtures', 'compose', 'app'), app, { recursive: true });
  const bin = path.join(project, 'node_modules', '.bin', 'berth-lint');
  const lint = (...args: string[]) =>
    spawnSync(bin, args, { cwd: project, encoding: 'utf8', env: ownCache() });
  const compose = lint('--format', 'json', 'app/compose.yaml');
  assert.equal(compose.status, 1, compose.stderr);
  assert.ok(
    (JSON.parse(compose.stdout) as Array<{ rule: string }>).some((f) => f.rule === 'missing-bind-source'),
    compose.stdout,
  );
  const sarif = lint('--format', 'sarif', 'Dockerfile');
  const ids = (
    JSON.parse(sarif.stdout) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } } }> }
  ).runs[0].tool.driver.rules.map((r) => r.id);
  assert.ok(ids.includes('expose-host-mapping') && ids.includes('undeclared-network'), sarif.stderr);
  const configured = path.join(project, 'configured');
  fs.mkdirSync(configured);
  fs.copyFileSync(path.join(project, 'Dockerfile'), path.join(configured, 'Dockerfile'));
  fs.writeFileSync(path.join(configured, '.hadolint.yaml'), 'ignored:\n  - expose-host-mapping\n');
  const quiet = lint('--format', 'json', 'configured/Dockerfile');
  assert.equal(quiet.status, 0, quiet.stderr);
  assert.equal(quiet.stdout, '[]\n');
});

void test('.pre-commit-hooks.yaml: the fields pre-commit requires, the package’s bin, berth-lint’s file names', () => {
  const hooks = parseYaml(fs.readFileSync(path.join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<
    Record<string, unknown>
  >;
  assert.equal(hooks.length, 1);
  const [hook] = hooks;
  for (const field of ['id', 'name', 'entry', 'language']) assert.equal(typeof hook[field], 'string', field);
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  assert.ok(
    Object.hasOwn(manifest.bin, String(hook.entry)),
    `entry ${String(hook.entry)} is the package's bin`,
  );
  assert.equal(hook.require_serial, true);
  const files = new RegExp(String(hook.files));
  const names = [
    'Dockerfile',
    'Dockerfile.dev',
    'api.Dockerfile',
    'api.dockerfile',
    'Containerfile',
    'Containerfile.prod',
    'Dockerfile.',
    'Dockerfiles',
    'dockerfile',
    'README.md',
    'Dockerfile.d/x',
    '.Dockerfile',
  ];
  for (const name of names) {
    const base = name.slice(name.lastIndexOf('/') + 1);
    const berthLintReads = !name.includes('/') && isDockerfileName(base);
    assert.equal(files.test(`services/web/${name}`), berthLintReads, name);
    assert.equal(files.test(name), berthLintReads, name);
  }
});
