// FROM completion with several engines: each image once, naming the engines that hold it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EngineImagesRequest } from '../../../common/engineImages';
import { mergeImages } from '../../../client/src/lsp/engineImages';

const image = (repository: string, tag: string, created: number, size = 1): EngineImagesRequest.Image => ({
  repository,
  tag,
  created,
  size,
});

void test('one engine: its images as listed, without engine names', () => {
  const images = [image('alpine', '3.20', 10), image('app', '1', 20)];
  assert.deepEqual(mergeImages([{ label: 'local', images }]), images);
});

void test('several engines: one item per repository:tag, the engines in list order, the newest figures', () => {
  const merged = mergeImages([
    { label: 'local', images: [image('alpine', '3.20', 10, 5), image('app', '1', 20)] },
    { label: 'ci', images: [image('alpine', '3.20', 30, 7), image('tool', 'latest', 5)] },
    { label: 'empty', images: [] },
  ]);
  assert.deepEqual(merged, [
    { repository: 'alpine', tag: '3.20', created: 30, size: 7, engines: ['local', 'ci'] },
    { repository: 'app', tag: '1', created: 20, size: 1, engines: ['local'] },
    { repository: 'tool', tag: 'latest', created: 5, size: 1, engines: ['ci'] },
  ]);
});
