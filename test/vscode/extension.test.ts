import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const extensionId = 'berth-dev.berth';

/** Resolves with the diagnostics of `uri` once `accept` likes them; rejects after `timeoutMs`. */
function diagnosticsOf(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs: number,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      if (!accept(diagnostics)) return false;
      clearTimeout(timer);
      listener.dispose();
      resolve(diagnostics);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((changed) => changed.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      const got = vscode.languages.getDiagnostics(uri).map((d) => `${d.range.start.line + 1}: ${d.message}`);
      reject(
        new Error(
          `no matching diagnostics for ${uri.fsPath} within ${timeoutMs} ms; got ${JSON.stringify(got)}`,
        ),
      );
    }, timeoutMs);
    check();
  });
}

describe('Berth in the extension host', () => {
  it('activates', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not installed in this VS Code`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('registers every command that package.json contributes', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await extension.activate();
    const manifest = extension.packageJSON as { contributes: { commands: { command: string }[] } };
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = manifest.contributes.commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });

  it('gets diagnostics from the language server for a flawed Dockerfile', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite needs the fixture workspace open');
    const uri = vscode.Uri.joinPath(folder.uri, 'Dockerfile');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'dockerfile');
    const exposeLine = document.getText().split('\n').indexOf('EXPOSE 80:80');
    assert.ok(exposeLine >= 0, 'the fixture Dockerfile has its EXPOSE 80:80 line');
    const diagnostics = await diagnosticsOf(
      uri,
      (all) => all.some((d) => d.range.start.line === exposeLine),
      30_000,
    );
    assert.ok(diagnostics.length > 0);
  });
});
