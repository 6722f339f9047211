// A user's container as a file root on the real engine: a stopped (never started) container's
// files are read and written through its own archive endpoints, read back through the engine
// independently of Berth's reader, and the engine's changes map to A, C and D decorations.
import assert from 'node:assert/strict';
import type { Readable } from 'node:stream';
import { after, describe, test } from 'node:test';
import type Docker from 'dockerode';
import { extract, pack } from 'tar-stream';
import { ArchiveFiles } from '../../client/src/archiveFiles/core/files';
import { PathRefusedError } from '../../client/src/archiveFiles/core/errors';
import { changeMap, decorationOf, type EngineChange } from '../../client/src/containers/core/changes';
import { ContainerRoots } from '../../client/src/containers/core/roots';
import { UserError } from '../../client/src/shared/failures';
import { Tracker, createContainer, engine, engineAvailable } from '../harness/engine';

const tracker = new Tracker();
after(() => tracker.cleanup());

function filesOf(): ArchiveFiles {
  return new ArchiveFiles(new ContainerRoots(engine(), (key) => key.slice(0, 12)));
}

/** Puts one file into the container with the engine's own archive endpoint (no Berth code). */
async function seed(container: Docker.Container, name: string, body: string, uid: number, mode: number) {
  const archive = pack();
  archive.entry({ name, mode, uid, gid: uid }, body);
  archive.finalize();
  await container.putArchive(archive as unknown as NodeJS.ReadableStream, { path: '/' });
}

interface Read {
  body: string;
  uid: number;
  gid: number;
  mode: number;
}

/** One file as the engine's archive endpoint hands it out, read without Berth's reader. */
async function readBack(container: Docker.Container, path: string): Promise<Read> {
  const tar = (await container.getArchive({ path })) as unknown as Readable;
  return new Promise((resolve, reject) => {
    const unpack = extract();
    let found: Read | undefined;
    unpack.on('entry', (header, stream, next) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: unknown) => {
        if (Buffer.isBuffer(chunk)) chunks.push(chunk);
      });
      stream.on('end', () => {
        found ??= {
          body: Buffer.concat(chunks).toString('utf8'),
          uid: header.uid ?? -1,
          gid: header.gid ?? -1,
          mode: (header.mode ?? 0) & 0o7777,
        };
        next();
      });
    });
    unpack.on('finish', () => (found ? resolve(found) : reject(new Error(`no entry for ${path}`))));
    unpack.on('error', reject);
    tar.pipe(unpack);
  });
}

void describe("a container's own files", () => {
  void test('a never-started container: read, write and read back; owner, group and mode kept', async (t) => {
    if (!(await engineAvailable(t))) return;
    const container = await createContainer(tracker, { cmd: ['true'] });
    assert.equal((await container.inspect()).State.Status, 'created');
    await seed(container, 'srv/app.conf', 'port=80\n', 33, 0o640);
    const files = filesOf();

    const root = await files.list(container.id, '');
    const names = root.entries.map((entry) => entry.name);
    assert.ok(names.includes('bin') && names.includes('srv'), names.join(','));
    assert.equal((await files.readFile(container.id, 'srv/app.conf')).toString(), 'port=80\n');

    await files.writeFile(container.id, 'srv/app.conf', Buffer.from('port=8080\n'), {
      create: false,
      overwrite: true,
    });
    assert.deepEqual(await readBack(container, '/srv/app.conf'), {
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
