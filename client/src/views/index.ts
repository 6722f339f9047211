import * as vscode from 'vscode';
import type { EngineSession } from '../engine/session';
import { ContainerDragController, NetworkDropController, type ConnectRequest } from './dragAndDrop';
import { trackEngineState } from './engineState';
import type { BerthNode, ViewId } from './present/nodes';
import { BerthTreeProvider } from './tree';

export interface BerthViews {
  providers: Record<ViewId, BerthTreeProvider>;
  treeViews: Record<ViewId, vscode.TreeView<BerthNode>>;
  refreshAll(): void;
}

/** Creates the three views; engine I/O starts the first time any of them is visible. */
export function registerViews(
  session: EngineSession,
  connect: ConnectRequest,
  subscriptions: vscode.Disposable[],
): BerthViews {
  const providers = {
    networks: new BerthTreeProvider('networks', session),
    volumes: new BerthTreeProvider('volumes', session),
    containers: new BerthTreeProvider('containers', session),
  };
  const treeViews = {
    networks: vscode.window.createTreeView('berth.networks', {
      treeDataProvider: providers.networks,
      canSelectMany: true,
      showCollapseAll: true,
      dragAndDropController: new NetworkDropController(session, connect),
    }),
    volumes: vscode.window.createTreeView('berth.volumes', {
      treeDataProvider: providers.volumes,
      canSelectMany: true,
      showCollapseAll: true,
    }),
    containers: vscode.window.createTreeView('berth.containers', {
      treeDataProvider: providers.containers,
      canSelectMany: true,
      showCollapseAll: true,
      dragAndDropController: new ContainerDragController(),
    }),
  };
  subscriptions.push(...Object.values(providers), ...Object.values(treeViews));
  subscriptions.push(trackEngineState(session, Object.values(treeViews)));
  for (const view of Object.values(treeViews)) {
    if (view.visible) session.start();
    subscriptions.push(
      view.onDidChangeVisibility((event) => {
        if (event.visible) session.start();
      }),
    );
  }
  return {
    providers,
    treeViews,
    refreshAll: () => Object.values(providers).forEach((provider) => provider.refreshAll()),
  };
}
