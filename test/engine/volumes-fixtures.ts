// Fill and fingerprint volumes for the volume tool tests, through the harness's own containers
// (never through the code under test), so that a bug in Berth's archive code cannot hide itself.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { extract, pack, type Header } from 'tar-stream';
import { createContainer, engine, testLabels, type Tracker } from '../harness/engine';

export interface FixtureEntry {
  name: string;
  type: 'file' | 'directory' | 'symlink' | 'link';
  mode: number;
  uid?: number;
  gid?: number;
  body?: Buffer;
  linkname?: string;
}

/** Every byte value, in an order no compressor can shorten much; the same on every call. */
export function binaryBody(size = 300_000): Buffer {
  const blocks: Buffer[] = [];
  for (let n = 0; n * 32 < size; n++) blocks.push(createHash('sha256').update(`berth-${n}`).digest());
  return Buffer.concat(blocks).subarray(0, size);
}

const longDir = `long-${'x'.repeat(60)}/${'y'.repeat(60)}`;

/** Files of several modes and owners, a set-uid file with a hard link, links, empty and deep dirs. */
export function richFixture(): FixtureEntry[] {
  return [
    { name: './', type: 'directory', mode: 0o751, uid: 0, gid: 0 },
    { name: 'bin.dat', type: 'file', mode: 0o640, uid: 1000, gid: 1000, body: binaryBody() },
    { name: 'script.sh', type: 'file', mode: 0o755, body: Buffer.from('#!/bin/sh\necho hi\n') },
    { name: 'secret', type: 'file', mode: 0o600, uid: 33, gid: 33, body: Buffer.from('s3cr3t') },
    { name: 'suid', type: 'file', mode: 0o4755, body: Buffer.from('set-uid') },
    { name: 'suid-link', type: 'link', mode: 0o4755, linkname: 'suid' },
    { name: 'zero', type: 'file', mode: 0o444, body: Buffer.alloc(0) },
    { name: 'dir', type: 'directory', mode: 0o750, uid: 70, gid: 70 },
    { name: 'dir/sub', type: 'directory', mode: 0o755, uid: 70, gid: 71 },
    { name: 'dir/sub/deep.txt', type: 'file', mode: 0o644, uid: 70, gid: 71, body: Buffer.from('deep\n') },
    { name: 'empty', type: 'directory', mode: 0o700, uid: 1234, gid: 4321 },
    { name: 'sticky', type: 'directory', mode: 0o1777 },
    { name: 'setgid-dir', type: 'directory', mode: 0o2775, uid: 5, gid: 6 },
    { name: 'link', type: 'symlink', mode: 0o777, linkname: 'dir/sub/deep.txt' },
    { name: 'dangling', type: 'symlink', mode: 0o777, linkname: 'nope' },
    { name: 'dir/up', type: 'symlink', mode: 0o777, linkname: '../secret' },
    { name: longDir, type: 'directory', mode: 0o755 },
    { name: `${longDir}/${'z'.repeat(90)}.txt`, type: 'file', mode: 0o644, body: Buffer.from('long name') },
    { name: '数据', type: 'directory', mode: 0o755 },
    { name: '数据/文件.txt', type: 'file', mode: 0o644, uid: 2000, gid: 2000, body: Buffer.from('中文内容') },
  ];
}

/** `under` prefixes every name (and hard-link target), for unpacking at the container's root. */
export function tarOf(entries: FixtureEntry[], under = ''): Readable {
  const archive = pack();
  const mtime = new Date('2024-05-06T07:08:09Z');
  for (const e of entries) {
    const header = {
      name: e.name === './' && under ? under : under + e.name,
      type: e.type,
      mode: e.mode,
      uid: e.uid ?? 0,
      gid: e.gid ?? 0,
      mtime,
      linkname: e.type === 'link' ? under + (e.linkname ?? '') : e.linkname,
    } as Header;
    if (e.type === 'file') archive.entry(header, e.body ?? Buffer.alloc(0));
    else archive.entry(header);
  }
  archive.finalize();
  return archive as unknown as Readable;
}

/** A stopped busybox container from the harness with `volume` at /data. */
export async function probe(tracker: Tracker, volume: string): Promise<Docker.Container> {
  return createContainer(tracker, { volumes: [{ name: volume, destination: '/data' }] });
}

export async function fillVolume(tracker: Tracker, volume: string, entries: FixtureEntry[]): Promise<void> {
  const container = await probe(tracker, volume);
  try {
    // Unpacked at / with names under data/: unpacked at /data, the engine drops the set-uid bit
    // of a file that has a hard link (it looks the link target up relative to the wrong folder).
    await container.putArchive(tarOf(entries, 'data/'), { path: '/' });
  } finally {
    await container.remove({ force: true });
  }
}

export interface Fingerprint {
  type: string;
  mode: string;
  owner: string;
  size: number;
  sha256?: string;
  linkname?: string;
}

/** Every entry of the volume: type, mode with special bits, owner, size, content hash, link. */
export async function fingerprint(tracker: Tracker, volume: string): Promise<Map<string, Fingerprint>> {
  const container = await probe(tracker, volume);
  try {
    const tar = (await container.getArchive({ path: '/data/.' })) as unknown as Readable;
    const reader = extract();
    tar.pipe(reader);
    const result = new Map<string, Fingerprint>();
    for await (const entry of reader) {
      const h = entry.header;
      const hash = createHash('sha256');
      for await (const chunk of entry) hash.update(chunk as Buffer);
      const name = h.name.replace(/^\.\//, '').replace(/\/$/, '') || '.';
      result.set(name, {
        type: h.type,
        mode: (h.mode & 0o7777).toString(8),
        owner: `${h.uid}:${h.gid}`,
        size: h.size,
        sha256: h.type === 'file' ? hash.digest('hex') : undefined,
        linkname: h.linkname ?? undefined,
      });
    }
    return result;
  } finally {
    await container.remove({ force: true });
  }
}

export function sortedEntries(map: Map<string, Fingerprint>): [string, Fingerprint][] {
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Helper containers and temporary volumes that this run's Berth code left behind. */
export async function leftovers(): Promise<string[]> {
  const label = `berth.test=${testLabels()['berth.test']}`;
  const containers = await engine().listContainers({
    all: true,
    filters: { label: ['berth.helper', label] },
  });
  const { Volumes: volumes } = await engine().listVolumes({ filters: { label: ['berth.helper', label] } });
  return [
    ...containers.map((c) => `container ${c.Names[0]}`),
    ...(volumes ?? []).map((v) => `volume ${v.Name}`),
  ];
}
