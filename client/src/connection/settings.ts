import * as vscode from 'vscode';
import type { FleetEntry } from '../engine/fleet/fleet';
import { parseEngines } from './engineEntries';

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

/** The engine of dockerHost/dockerContext: what Berth shows when `berth.engines` lists none. */
export function singleEngineEntry(settings: EngineSettings = readEngineSettings()): FleetEntry {
  const id = settings.dockerHost || settings.dockerContext || 'default';
  return { id, label: id, dockerHost: settings.dockerHost, dockerContext: settings.dockerContext };
}

/** The engines to show (never none) and what is wrong with the entries left out. */
export function readEngineEntries(): { entries: FleetEntry[]; problems: string[] } {
  const config = vscode.workspace.getConfiguration('berth');
  const raw = vscode.workspace.isTrusted
    ? config.get<unknown>('engines')
    : config.inspect('engines')?.globalValue;
  const { entries, problems } = parseEngines(raw);
  return { entries: entries.length > 0 ? entries : [singleEngineEntry()], problems };
}

export function affectsEngineSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return (
    event.affectsConfiguration('berth.dockerHost') ||
    event.affectsConfiguration('berth.dockerContext') ||
    event.affectsConfiguration('berth.engines')
  );
}
