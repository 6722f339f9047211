import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileNodes, filesRoot, presentFile } from '../../../client/src/archiveFiles/tree/files';
import { keys, type VolumeNode } from '../../../client/src/shared/nodes';
import { childrenOf, present } from '../../../client/src/views/project';
import { presentVolume, volumeContextValue } from '../../../client/src/volumes/tree/present';
import { container, hex, snapshot, volume } from './fixtures';

void test('an anonymous volume is shortened and marked; an unused one says so', () => {
  const anon = volume({ name: hex('f'), anonymous: true });
  const look = presentVolume(anon);
  assert.equal(look.label, 'ffffffffffff');
  assert.equal(look.description, 'anonymous · local · unused');
  assert.equal(look.contextValue, 'volume.anonymous.unused');
  assert.ok((look.tooltip ?? '').includes(hex('f')), 'the full name stays in the tooltip');
});

void test('a used volume counts distinct containers and shows its size once known', () => {
  const data = volume({
    name: 'pgdata',
    size: 5 * 1024 * 1024,
    created: '2026-11-20T08:00:00Z',
    labels: { app: 'db' },
    usedBy: [
      {
        containerId: hex('a'),
        containerName: 'db',
        destination: '/var/lib/postgresql/data',
        readOnly: false,
      },
      { containerId: hex('a'), containerName: 'db', destination: '/backup', readOnly: true },
      { containerId: hex('b'), containerName: 'backup', destination: '/data', readOnly: true },
    ],
  });
  const look = presentVolume(data);
  assert.equal(look.description, 'local · 2 containers · 5.0 MB');
  assert.equal(volumeContextValue(data), 'volume.used');
  for (const expected of ['/var/lib/docker/volumes/pgdata/_data', '2026-11-20', 'app', 'db'])
    assert.ok((look.tooltip ?? '').includes(expected), `tooltip lacks ${expected}`);
});

void test('volume children are its Files folder, then the containers mounting it, with destination and ro/rw', () => {
  const db = container({ id: hex('a'), name: 'db' });
  const data = volume({
    name: 'pgdata',
    usedBy: [
      { containerId: db.id, containerName: 'db', destination: '/var/lib/postgresql/data', readOnly: false },
      { containerId: db.id, containerName: 'db', destination: '/snap', readOnly: true },
    ],
  });
  const snap = snapshot({ containers: [db], volumes: [data] });
  const node: VolumeNode = { kind: 'volume', key: keys.volume('pgdata'), volumeName: 'pgdata' };
  const [files, ...children] = childrenOf('volumes', snap, node);
  assert.deepEqual(files, {
    kind: 'file',
    key: 'vol:pgdata/files:',
    parentKey: node.key,
    root: 'volume',
    rootKey: 'pgdata',
    path: '',
  });
  assert.equal(present(snap, files)?.label, 'Files');
  assert.equal(present(snap, files)?.collapsible, 'collapsed');
  assert.deepEqual(
    children.map((child) => present(snap, child)?.description),
    ['→ /var/lib/postgresql/data · rw', '→ /snap · ro'],
  );
  assert.ok(children.every((child) => child.kind === 'usage' && present(snap, child)?.label === 'db'));
});

void test('a volume folder lists subfolders first, files with size and mode, links with their target', () => {
  const root = filesRoot('volume', 'data', keys.volume('data'));
  const entry = { size: 0, mode: 0o755, uid: 0, gid: 0 };
  const nodes = fileNodes(root, [
    { ...entry, name: 'b.txt', path: 'b.txt', kind: 'file', size: 2048, mode: 0o644, uid: 999, gid: 999 },
    { ...entry, name: 'link', path: 'link', kind: 'symlink', linkTarget: 'b.txt' },
    { ...entry, name: 'z', path: 'z', kind: 'directory' },
  ]);
  assert.deepEqual(
    nodes.map((n) => n.path),
    ['z', 'b.txt', 'link'],
  );
  assert.ok(nodes.every((n) => n.parentKey === root.key && n.key === keys.file('volume', 'data', n.path)));
  const looks = nodes.map(presentFile);
  assert.deepEqual(
    looks.map((look) => [look.label, look.collapsible, look.contextValue]),
    [
      ['z', 'collapsed', 'volumeFile.directory'],
      ['b.txt', 'none', 'volumeFile.file'],
      ['link', 'none', 'volumeFile.file'],
    ],
  );
  assert.equal(looks[1].description, '2.0 KB · 0644 · 999:999');
  assert.equal(looks[2].description, '→ b.txt');
});

void test('named volumes are listed before anonymous ones', () => {
  const snap = snapshot({
    volumes: [
      volume({ name: hex('0'), anonymous: true }),
      volume({ name: 'zeta' }),
      volume({ name: 'alpha' }),
    ],
  });
  assert.deepEqual(
    childrenOf('volumes', snap, undefined).map((node) => present(snap, node)?.label),
    ['alpha', 'zeta', '000000000000'],
  );
});
