import * as vscode from 'vscode';
import { log } from '../log';
import { startup } from '../perf';
import {
  ContainerDragController,
  NetworkDropController,
  VolumeDropController,
  type ConnectRequest,
  type UploadRequest,
} from './dragAndDrop';
import { trackEngineState } from './engineState';
import type { ViewEngines } from './viewEngines';
import { keys, type BerthNode, type ViewId } from '../shared/nodes';
import type { FolderLister } from '../archiveFiles/tree/files';
import { BerthTreeProvider } from './tree';

export interface BerthViews {
  providers: Record<ViewId, BerthTreeProvider>;
  treeViews: Record<ViewId, vscode.TreeView<BerthNode>>;
  refreshAll(): void;
  /** Selects the node with this key (e.g. a network just created) on `engine` (else the first), expanding its parents. */
  reveal(view: ViewId, key: string, engine?: string): Promise<void>;
}

/** What the views ask of the rest of Berth: a drop on a network, a folder's entries. */
export interface ViewActions {
  connect: ConnectRequest;
  listFolder: FolderLister;
  upload: UploadRequest;
}

/** Creates the three views; engine I/O starts the first time any of them is visible. */
export function registerViews(
  engines: ViewEngines,
  actions: ViewActions,
  subscriptions: vscode.Disposable[],
): BerthViews {
  const providers = {
    networks: new BerthTreeProvider('networks', engines, actions.listFolder),
    volumes: new BerthTreeProvider('volumes', engines, actions.listFolder),
    containers: new BerthTreeProvider('containers', engines, actions.listFolder),
  };
  const treeViews = {
    networks: vscode.window.createTreeView('berth.networks', {
      treeDataProvider: startup.timeFirstRender(providers.networks),
      canSelectMany: true,
      showCollapseAll: true,
      dragAndDropController: new NetworkDropController(engines, actions.connect),
    }),
    volumes: vscode.window.createTreeView('berth.volumes', {
      treeDataProvider: providers.volumes,
      canSelectMany: true,
      showCollapseAll: true,
      dragAndDropController: new VolumeDropController(actions.upload),
    }),
    containers: vscode.window.createTreeView('berth.containers', {
      treeDataProvider: providers.containers,
      canSelectMany: true,
      showCollapseAll: true,
      dragAndDropController: new ContainerDragController(actions.upload),
    }),
  };
  subscriptions.push(...Object.values(providers), ...Object.values(treeViews));
  subscriptions.push(trackEngineState(engines, Object.values(treeViews)), engines);
  for (const view of Object.values(treeViews)) {
    const shown = () => {
      startup.viewVisible();
      engines.fleet.start();
    };
    if (view.visible) shown();
    subscriptions.push(
      view.onDidChangeVisibility((event) => {
        if (event.visible) shown();
      }),
    );
  }
  const views: BerthViews = {
    providers,
    treeViews,
    refreshAll: () => Object.values(providers).forEach((provider) => provider.refreshAll()),
    reveal: async (view, key, engine) => {
      const node = providers[view].resolve(key, engine);
      // Showing the result is a courtesy: the action itself already succeeded.
      if (node)
        await Promise.resolve(treeViews[view].reveal(node, { select: true, focus: false })).catch(
          (error: unknown) => log().debug(`reveal ${key}: ${String(error)}`),
        );
    },
  };
  return views;
}

/**
 * `{ kind, id, engine? }` from another part of Berth (the network map, Compose lenses): selects that
 * object in its view; a service or task also names `networkId` and `serviceId`.
 */
export async function revealTarget(views: BerthViews, target: unknown): Promise<void> {
  if (typeof target !== 'object' || target === null) return;
  const { kind, id, engine, networkId, serviceId } = target as Record<string, unknown>;
  if (typeof id !== 'string') return;
  const on = typeof engine === 'string' ? engine : undefined;
  if (kind === 'network') await views.reveal('networks', keys.network(id), on);
  else if (kind === 'container') await views.reveal('containers', keys.container(id), on);
  else if (kind === 'volume') await views.reveal('volumes', keys.volume(id), on);
  // Services and tasks are rows under an overlay: the caller names which.
  else if (typeof networkId !== 'string' || typeof serviceId !== 'string') return;
  else if (kind === 'service') await views.reveal('networks', keys.service(networkId, id), on);
  else if (kind === 'task') await views.reveal('networks', keys.task(networkId, serviceId, id), on);
}
