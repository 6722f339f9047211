import * as vscode from 'vscode';
import type { ResolvedEndpoint } from '../engine/transport/endpoint';
import type { EngineSession } from '../engine/live/contract';

/** The session may say where it connects; the status bar names it and warns about plain tcp. */
export type SessionWithEndpoint = EngineSession & { readonly endpoint?: ResolvedEndpoint };

/** Context or host and engine version; a click switches the Docker context. */
export function createStatusBar(session: SessionWithEndpoint): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('berth.engine', vscode.StatusBarAlignment.Left, 10);
  item.name = vscode.l10n.t('Berth: Docker Engine');
  item.command = 'berth.switchContext';
  const warned = new Set<string>();
  const update = () => {
    const state = session.state;
    const label = session.snapshot?.info.endpointLabel ?? session.endpoint?.label ?? 'docker';
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
        item.tooltip = info
          ? vscode.l10n.t(
              'Docker {0} (API {1}, {2}/{3}) via {4}. Click to switch the Docker context.',
              info.version,
              info.apiVersion,
              info.os,
              info.arch,
              session.endpoint?.host ?? label,
            )
          : label;
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
