import * as vscode from 'vscode';

export interface EngineSettings {
  dockerHost: string;
  dockerContext: string;
}

/**
 * Which engine the user chose. In an untrusted workspace a cloned repository must not be able
 * to point Berth at another engine, so only user (global) values count there.
 */
export function readEngineSettings(): EngineSettings {
  const config = vscode.workspace.getConfiguration('berth');
  const read = (key: keyof EngineSettings): string => {
    if (vscode.workspace.isTrusted) return config.get<string>(key, '');
    return config.inspect<string>(key)?.globalValue ?? '';
  };
  return { dockerHost: read('dockerHost').trim(), dockerContext: read('dockerContext').trim() };
}

export function affectsEngineSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration('berth.dockerHost') || event.affectsConfiguration('berth.dockerContext');
}
