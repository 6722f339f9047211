// A user's container as a file root on the real engine: a stopped (never started) container's
// files are read and written through its own archive endpoints, read back through the engine
// independently of Berth's reader, and the engine's changes map to A, C and D decorations.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { ArchiveFiles } from '../../client/src/archiveFiles/core/files';
import { PathRefusedError } from '../../client/src/archiveFiles/core/errors';
import { changeMap, decorationOf, type EngineChange } from '../../client/src/containers/core/changes';
import { ContainerRoots } from '../../client/src/containers/core/roots';
import { listContainerFolder } from '../../client/src/containers/files/listing';
import { UserError } from '../../client/src/shared/failures';
import { readArchivedFile, seedFiles } from '../harness/archive';
import type { EngineEvent } from '../../client/src/engine/live/eventStream';
import { createSession } from '../../client/src/engine/live/liveSession';
import {
  Tracker,
  createContainer,
  engine,
  engineAvailable,
  runId,
  socketPath,
  waitFor,
} from '../harness/engine';

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
    // The archive cannot list a deleted path, so the tree adds its row from the changes.
    const bin = await filesOf().list(container.id, 'bin');
    assert.ok(!bin.entries.some((entry) => entry.name === 'ls'));
    assert.equal((await filesOf().readFile(container.id, 'tmp/added.txt')).toString(), 'made\n');
  });

  void test('a file the container deleted from /etc is listed as a deleted row carrying D', async (t) => {
    if (!(await engineAvailable(t))) return;
    // An image that holds /etc/berth.conf, and a container of it that deletes the file.
    const base = await createContainer(tracker, { cmd: ['true'] });
    await seedFiles(base, [
      { name: 'etc/berth.conf', body: 'x\n' },
      { name: 'etc/kept.conf', body: 'y\n' },
    ]);
    const image = `berth-test/deleted:${runId}`;
    await base.commit({ repo: 'berth-test/deleted', tag: runId });
    try {
      const deleter = await createContainer(tracker, { image, cmd: ['rm', '/etc/berth.conf'] });
      await deleter.start();
      assert.equal(((await deleter.wait()) as { StatusCode: number }).StatusCode, 0);
      const changes = async (id: string) =>
        changeMap((await engine().getContainer(id).changes()) as EngineChange[]);

      const etc = await listContainerFolder(filesOf(), changes, deleter.id, 'etc');
      assert.deepEqual(
        etc.entries
          .filter((entry) => entry.name.endsWith('.conf') && entry.name !== 'resolv.conf')
          .map((entry) => [entry.path, entry.deleted === true]),
        [
          ['etc/berth.conf', true],
          ['etc/kept.conf', false],
        ],
      );
      assert.equal(decorationOf(await changes(deleter.id), 'etc/berth.conf').badge, 'D');
    } finally {
      await tracker.cleanup();
      await engine().getImage(image).remove();
    }
  });

  void test('the session passes on the start, exec_die and die events that make decorations read again', async (t) => {
    if (!(await engineAvailable(t))) return;
    const session = createSession({ settings: () => ({ dockerHost: `unix://${socketPath}` }), env: {} });
    const seen: EngineEvent[] = [];
    const listening = session.onDidReceiveEvent((event) => seen.push(event));
    try {
      session.start();
      await waitFor('the session to connect', () => session.state.kind === 'connected' && session.snapshot);
      const container = await createContainer(tracker, { start: true });
      const actions = () =>
        seen.filter((event) => event.Actor.ID === container.id).map((event) => event.Action);
      await waitFor('the start event', () => actions().includes('start'));
      const exec = await container.exec({ Cmd: ['touch', '/tmp/by-exec'] });
      const output = await exec.start({});
      output.resume();
      await waitFor('the exec_die event', () => actions().some((action) => action.startsWith('exec_die')));
      await container.kill();
      await waitFor('the die event', () => actions().includes('die'));
    } finally {
      listening.dispose();
      session.dispose();
    }
  });
});
