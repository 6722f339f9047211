import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileDocument } from '../dockerfile/language/document';

/**
 * The parsed form of each open document, made when a feature first asks for a version and kept
 * until the next: completion, symbols, folding and the rest of one keystroke share one parse.
 */
export class DocumentModels {
  private readonly models = new Map<string, { version: number; model: DockerfileDocument }>();

  get(doc: TextDocument): DockerfileDocument {
    const cached = this.models.get(doc.uri);
    if (cached && cached.version === doc.version) return cached.model;
    const model = new DockerfileDocument(doc.uri, doc.getText());
    this.models.set(doc.uri, { version: doc.version, model });
    return model;
  }

  forget(uri: string): void {
    this.models.delete(uri);
  }
}
