// The hooks every volume-tool suite needs: a live engine or a reason to skip, the test image,
// a VolumeTools with test labels, a private temp folder, and proof after each test that no
// helper container or temporary volume was left behind.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before } from 'node:test';
import { VolumeTools } from '../../client/src/volumes/core/tools';
import { engine, engineUnavailableReason, ensureTestImage, testLabels, Tracker } from '../harness/engine';
import { leftovers } from './volumes-fixtures';

export interface VolumeToolsSuite {
  readonly tracker: Tracker;
  /** Why the engine cannot be used; undefined when it can. */
  reason: string | undefined;
  tools: VolumeTools;
  /** A private temp folder for archives, removed after the suite. */
  dir: string;
}

/** Call inside `describe`; the fields fill in once `before` has run. */
export function useVolumeToolsSuite(tempPrefix: string): VolumeToolsSuite {
  const suite = { tracker: new Tracker(), reason: undefined, dir: '' } as VolumeToolsSuite;

  before(async () => {
    suite.reason = await engineUnavailableReason();
    if (suite.reason) return;
    await ensureTestImage();
    suite.tools = new VolumeTools(engine(), { labels: testLabels(), browseIdleMs: 100 });
    suite.dir = await mkdtemp(join(tmpdir(), tempPrefix));
  });

  afterEach(async () => {
    if (suite.reason) return;
    await suite.tools.dispose();
    assert.deepEqual(await leftovers(), [], 'helper containers or temporary volumes left behind');
  });

  after(async () => {
    if (suite.dir) await rm(suite.dir, { recursive: true, force: true });
    await suite.tracker.cleanup();
  });

  return suite;
}
