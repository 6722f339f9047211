import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { findHadolintConfig, userHadolintConfig } from '../../../server/src/workspace/hadolintConfig';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-hadolint-config-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

function place(rel: string): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, 'ignored: [DL3006]\n');
  return file;
}

void test("the user's own config is found where hadolint looks, in hadolint's order", () => {
  const home = path.join(root, 'home');
  const linux = { home, env: {}, platform: 'linux' as const };
  assert.equal(userHadolintConfig(linux), undefined);
  const inHome = place('home/.hadolint.yaml');
  assert.equal(userHadolintConfig(linux), inHome);
  const inAppData = place('home/.hadolint/config.yml');
  assert.equal(userHadolintConfig(linux), inAppData);
  const inXdgDefault = place('home/.config/hadolint.yml');
  assert.equal(userHadolintConfig(linux), inXdgDefault);
  const inXdg = place('xdg/hadolint.yaml');
  assert.equal(userHadolintConfig({ ...linux, env: { XDG_CONFIG_HOME: path.join(root, 'xdg') } }), inXdg);
  // A relative XDG_CONFIG_HOME is not used, as the XDG spec says.
  assert.equal(userHadolintConfig({ ...linux, env: { XDG_CONFIG_HOME: 'xdg' } }), inXdgDefault);

  const windowsHome = path.join(root, 'winhome');
  const windows = {
    home: windowsHome,
    env: { LOCALAPPDATA: path.join(root, 'local') },
    platform: 'win32' as const,
  };
  const inDocuments = place('winhome/Documents/.hadolint.yml');
  assert.equal(userHadolintConfig(windows), inDocuments);
  const inLocal = place('local/hadolint.yaml');
  assert.equal(userHadolintConfig(windows), inLocal);
});

void test("a project's .hadolint.yaml above the Dockerfile wins over the user's own", () => {
  const user = { home: path.join(root, 'home2'), env: {}, platform: 'linux' as const };
  const dir = path.join(root, 'project', 'services', 'api');
  fs.mkdirSync(dir, { recursive: true });
  assert.equal(findHadolintConfig(dir, user), undefined);
  const own = place('home2/.hadolint.yaml');
  assert.equal(findHadolintConfig(dir, user), own);
  const project = place('project/.hadolint.yml');
  assert.equal(findHadolintConfig(dir, user), project);
});
