// A user's container as a file root on the real engine: a stopped (never started) container's
// files are read and written through its own archive endpoints, read back through the engine
// independently of Berth's reader, and the engine's changes map to A, C and D decorations.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ArchiveFiles } from '../../client/src/archiveFiles/core/files';
import { PathRefusedError } from '../../client/src/archiveFiles/core/errors';
import { changeMap, decorationOf, type EngineChange } from '../../client/src/containers/core/changes';
import { ContainerRoots } from '../../client/src/containers/core/roots';
import { UserError } from '../../client/src/shared/failures';
import { readArchivedFile, seedFiles } from '../harness/archive';
import { Tracker, createContainer, engine, engineAvailable } from '../harness/engine';

const tracker = new Tracker();
after(() => tracker.cleanup());

function filesOf(): ArchiveFiles {
  return new ArchiveFiles(new ContainerRoots(engine(), (key) => key.slice(0, 12)));
}

void describe("a container's own files", () => {
  void test('a never-started container: read, write and read back; owner, group and mode kept', async (t) => {
    if (!(await engineAvailable(t))) return;
    const container = await createContainer(tracker, { cmd: ['true'] });
    assert.equal((await container.inspect()).State.Status, 'created');
    await seedFiles(container, [{ name: 'srv/app.conf', body: 'port=80\n', uid: 33, mode: 0o640 }]);
    const files = filesOf();

    const root = await files.list(container.id, '');
    const names = root.entries.map((entry) => entry.name);
    assert.ok(names.includes('bin') && names.includes('srv'), names.join(','));
    assert.equal((await files.readFile(container.id, 'srv/app.conf')).toString(), 'port=80\n');

    await files.writeFile(container.id, 'srv/app.conf', Buffer.from('port=8080\n'), {
      create: false,
      overwrite: true,
    });
    assert.deepEqual(await readArchivedFile(container, '/srv/app.conf'), {
      body: 'port=8080\n',
      uid: 33,
      gid: 33,
      mode: 0o640,
    });
    const listing = await files.list(container.id, 'srv');
    assert.deepEqual(
      listing.entries.map((entry) => entry.name),
      ['app.conf'],
      'no scratch file is left beside the saved one',
    );
    assert.equal((await container.inspect()).State.Status, 'created', 'nothing started the container');
  });

  void test('hostile paths and references are refused before they reach the engine', async (t) => {
    if (!(await engineAvailable(t))) return;
    const container = await createContainer(tracker, { cmd: ['true'] });
    const files = filesOf();
    await assert.rejects(files.readFile(container.id, '../../etc/shadow'), PathRefusedError);
    await assert.rejects(
      files.writeFile(container.id, 'tmp/../../x', Buffer.from('x'), { create: true, overwrite: true }),
      PathRefusedError,
    );
    await assert.rejects(files.readFile('../containers/json', 'etc/hosts'), UserError);
  });

  void test("the engine's changes map to A, C and D, with a hint on folders holding them", async (t) => {
    if (!(await engineAvailable(t))) return;
    const container = await createContainer(tracker, {
      cmd: ['sh', '-c', 'echo made > /tmp/added.txt && rm /bin/ls'],
    });
    await container.start();
    const exit = (await container.wait()) as { StatusCode: number };
    assert.equal(exit.StatusCode, 0);
    const map = changeMap((await container.changes()) as EngineChange[]);
    assert.equal(map.get('tmp/added.txt'), 'A');
    assert.equal(map.get('bin/ls'), 'D');
    assert.equal(map.get('tmp'), 'C');
    assert.equal(map.get('bin'), 'C');
    assert.deepEqual(decorationOf(map, 'tmp'), { badge: 'C', holdsChanges: true });
    assert.deepEqual(decorationOf(map, 'bin/busybox'), { badge: undefined, holdsChanges: false });
    // A deleted path is not in the listing: its D has no row to sit on.
    const bin = await filesOf().list(container.id, 'bin');
    assert.ok(!bin.entries.some((entry) => entry.name === 'ls'));
    assert.equal((await filesOf().readFile(container.id, 'tmp/added.txt')).toString(), 'made\n');
  });
});
