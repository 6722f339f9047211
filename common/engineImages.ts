// The one custom request that needs the protocol library's types. It lives apart from
// protocol.ts, which berth-lint also reads: the CLI carries no LSP code.
import { RequestType0 } from 'vscode-languageserver-protocol';

/**
 * The server asks the client for the images on the connected engine (for `FROM` completion): the
 * client owns the engine connection, the server never talks to the engine. With no engine
 * connected the answer is an empty list.
 */
export namespace EngineImagesRequest {
  export const method = 'berth/engineImages';
  export interface Image {
    /** `alpine`, `ghcr.io/org/app`: a repository as tagged on the engine. */
    repository: string;
    tag: string;
    /** Unix seconds. */
    created: number;
    /** Bytes. */
    size: number;
    /** With several engines, the names of those that hold it. */
    engines?: string[];
  }
  export interface Result {
    images: Image[];
  }
  export const type = new RequestType0<Result, void>(method);
}
