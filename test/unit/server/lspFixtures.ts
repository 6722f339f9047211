// What the LSP tests of the Dockerfile features share: a two-stage file, and images a client
// would list from its engine.
import { after, before } from 'node:test';
import type { EngineImagesRequest } from '../../../common/engineImages';
import { bundle } from './bundle';
import { LspSession } from './lspSession';

export const engineImages: EngineImagesRequest.Image[] = [
  { repository: 'berth-only-here/app', tag: '1.2', created: 1_700_000_000, size: 5_000_000 },
  { repository: 'alpine', tag: '3.20', created: 1_700_000_000, size: 8_000_000 },
  // With several engines the client names those that hold an image.
  {
    repository: 'berth-shared/app',
    tag: '2',
    created: 1_700_000_000,
    size: 1_000_000,
    engines: ['local', 'ci box'],
  },
];

export const twoStages = [
  'ARG BASE=alpine', //                                     0
  'FROM $BASE:3.20 AS build', //                            1
  'ARG BASE', //                                            2
  'ARG VERSION=1.0', //                                     3
  'ENV APP=/srv/app', //                                    4
  'WORKDIR src', //                                         5
  'RUN --mount=type=cache,target=/root/.cache echo $VERSION', // 6
  'FROM build AS test', //                                  7
  'ARG VERSION=2.0', //                                     8
  'COPY --from=build /out /out', //                         9
  'RUN echo $VERSION $APP', //                               10
  '',
].join('\n');

/**
 * The bundled server for a test file, started before its tests as an editor that takes snippets
 * and lists `engineImages` when asked, and stopped after them.
 */
export function featureServer(): { readonly lsp: LspSession; readonly serverJs: string } {
  let serverJs: string | undefined;
  let lsp: LspSession | undefined;
  before(async () => {
    serverJs = await bundle('server');
    lsp = await LspSession.start(serverJs, {
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
      engineImages: true,
      handlers: { 'berth/engineImages': () => ({ images: engineImages }) },
    });
  });
  after(() => lsp?.dispose());
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the language server has not started');
    return value;
  };
  return {
    get lsp() {
      return started(lsp);
    },
    get serverJs() {
      return started(serverJs);
    },
  };
}
