import * as vscode from 'vscode';
import type { ResolvedEndpoint } from '../engine/transport/endpoint';
import type { EngineSession } from '../engine/live/contract';
import type { FleetView } from '../engine/fleet/fleet';

/** The session may say where it connects; the status bar names it and warns about plain tcp. */
export type SessionWithEndpoint = EngineSession & { readonly endpoint?: ResolvedEndpoint };

/** One item per engine, named after its `berth.engines` entry when there are several. */
export function createStatusBars(fleet: FleetView<SessionWithEndpoint>): vscode.Disposable {
  const warned = new Set<string>();
  let items: vscode.Disposable[] = [];
  const build = () => {
    for (const item of items) item.dispose();
    items = fleet.engines.map((engine, index) =>
      createStatusBar(
        engine.session,
        warned,
        fleet.several ? { name: engine.label, order: index } : undefined,
      ),
    );
  };
  build();
  const membership = fleet.onDidChange(build);
  return {
    dispose: () => {
      membership.dispose();
      for (const item of items) item.dispose();
    },
  };
}

/** Context or host and engine version; a click switches the Docker context. */
function createStatusBar(
  session: SessionWithEndpoint,
  warned: Set<string>,
  /** Set when several engines are shown: which one this item stands for. */
  engine?: { name: string; order: number },
): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(
    engine ? `berth.engine.${engine.order}` : 'berth.engine',
    vscode.StatusBarAlignment.Left,
    10 - (engine?.order ?? 0) / 100,
  );
  item.name = engine
    ? vscode.l10n.t('Berth: Docker Engine {0}', engine.name)
    : vscode.l10n.t('Berth: Docker Engine');
  // With several engines the context setting is not what picks them: berth.engines is.
  item.command = engine
    ? { command: 'workbench.action.openSettings', title: item.name, arguments: ['berth.engines'] }
    : 'berth.switchContext';
  const update = () => {
    const state = session.state;
    const endpoint = session.snapshot?.info.endpointLabel ?? session.endpoint?.label ?? 'docker';
    const label = engine ? engine.name : endpoint;
    item.backgroundColor = undefined;
    switch (state.kind) {
      case 'idle':
        item.hide();
        return;
      case 'connecting':
        item.text = `$(sync~spin) ${label}`;
        item.tooltip = vscode.l10n.t('Connecting to the Docker engine ({0})…', label);
        break;
      case 'connected': {
        const info = session.snapshot?.info;
        item.text = info ? `$(vm) ${label} · ${info.version}` : `$(vm) ${label}`;
        const via = session.endpoint?.host ?? label;
        item.tooltip = !info
          ? label
          : engine
            ? vscode.l10n.t(
                'Docker {0} (API {1}, {2}/{3}) via {4}. Click to edit berth.engines.',
                info.version,
                info.apiVersion,
                info.os,
                info.arch,
                via,
              )
            : vscode.l10n.t(
                'Docker {0} (API {1}, {2}/{3}) via {4}. Click to switch the Docker context.',
                info.version,
                info.apiVersion,
                info.os,
                info.arch,
                via,
              );
        warnIfInsecure(session.endpoint, warned);
        break;
      }
      case 'unreachable':
        item.text = `$(vm-outline) ${label} · ${vscode.l10n.t('unreachable')}`;
        item.tooltip = `${state.problem.message}\n${state.problem.fix}${state.problem.detail ? `\n\n${state.problem.detail}` : ''}`;
        item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
        break;
    }
    item.show();
  };
  update();
  const subscriptions = [item, session.onDidChangeState(update), session.onDidChangeSnapshot(update)];
  return {
    dispose: () => {
      for (const subscription of subscriptions) subscription.dispose();
    },
  };
}

/** Once per host and window: plain tcp:// lets anyone on the network run containers as root. */
function warnIfInsecure(endpoint: ResolvedEndpoint | undefined, warned: Set<string>): void {
  if (!endpoint?.insecure || warned.has(endpoint.host)) return;
  warned.add(endpoint.host);
  void vscode.window.showWarningMessage(
    vscode.l10n.t(
      'Berth reaches the Docker engine at {0} over plain TCP without TLS. Anyone who can reach that port controls the engine (and the host as root). Use TLS (port 2376 with DOCKER_TLS_VERIFY=1 and certificates) or ssh://.',
      endpoint.host,
    ),
  );
}
