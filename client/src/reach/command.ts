// Berth: Check Connectivity To…: pick A (unless the tree gave it) and B, show the verdict with
// every reason, and offer the fixes as buttons that act only after a confirmation.
import * as vscode from 'vscode';
import type { Container, Snapshot } from '../engine/model/snapshot';
import type { EngineSession } from '../engine/live/contract';
import type { SwarmService } from '../engine/model/swarm';
import { analyzeReach } from './analyze';
import { analyzeServiceReach } from './services';
import { containerIdOf } from './argument';
import { connectToNetwork, createNetworkAndConnect } from './engineActions';
import { renderFix, renderReason, renderVerdict, type Translate } from './messages';
import type { Fix, Reachability } from './types';

const t: Translate = (message, args) => vscode.l10n.t(message, args);

async function currentSnapshot(session: EngineSession): Promise<Snapshot | undefined> {
  session.start();
  if (!session.snapshot) await session.refresh().catch(() => undefined);
  if (session.snapshot) return session.snapshot;
  const state = session.state;
  const why = state.kind === 'unreachable' ? `${state.problem.message} ${state.problem.fix}` : '';
  void vscode.window.showErrorMessage(vscode.l10n.t('The Docker engine is not available. {0}', why).trim());
  return undefined;
}

function describeContainer(c: Container): string {
  const addresses = c.endpoints.map((e) => (e.ipv4 ? `${e.networkName} ${e.ipv4}` : e.networkName));
  if (c.networkMode.kind === 'host' || c.networkMode.kind === 'none') addresses.push(c.networkMode.kind);
  if (c.networkMode.kind === 'container') {
    addresses.push(`container:${c.networkMode.containerName ?? c.networkMode.containerId.slice(0, 12)}`);
  }
  return addresses.join(' · ');
}

type Target =
  { container: Container; service?: undefined } | { service: SwarmService; container?: undefined };

function describeService(s: SwarmService): string {
  const ports = s.ports.flatMap((p) =>
    p.publishedPort ? [`${p.publishedPort}→${p.targetPort}/${p.protocol}`] : [],
  );
  return [s.image, ...ports].filter(Boolean).join(' · ');
}

async function pickTarget(
  snapshot: Snapshot,
  title: string,
  except?: string,
  withServices = false,
): Promise<Target | undefined> {
  const containers = [...snapshot.containers.values()]
    .filter((c) => c.id !== except)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => ({
      label: c.name,
      description: c.state,
      detail: describeContainer(c),
      target: { container: c },
    }));
  // On a Swarm manager a service is a target too: its tasks may run on other nodes.
  const services = (withServices ? (snapshot.swarm?.services ?? []) : [])
    .map((s) => ({
      label: s.name,
      description: vscode.l10n.t('service'),
      detail: describeService(s),
      target: { service: s },
    }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const items = [...services, ...containers];
  if (items.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no other container to check against.'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, {
    title,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked?.target;
}

function confirmText(fix: Fix): string {
  if (fix.kind === 'connect') {
    return vscode.l10n.t('Connect container {0} to network {1}?', fix.containerName, fix.networkName);
  }
  const names = fix.containers.map((c) => c.name).join(', ');
  return vscode.l10n.t('Create the bridge network {0} and connect {1} to it?', fix.networkName, names);
}

async function applyFix(session: EngineSession, fix: Fix): Promise<boolean> {
  const go = vscode.l10n.t('Apply');
  const answer = await vscode.window.showWarningMessage(confirmText(fix), { modal: true }, go);
  if (answer !== go) return false;
  // The engine may have moved on while the dialogs were open: act on what it holds now.
  const docker = session.docker;
  const snapshot = session.snapshot;
  if (!docker || !snapshot) return false;
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: renderFix(fix, t) },
      async () => {
        if (fix.kind === 'connect') await connectToNetwork(docker, snapshot, fix.networkId, fix.containerId);
        else
          await createNetworkAndConnect(
            docker,
            snapshot,
            fix.networkName,
            fix.containers.map((c) => c.id),
          );
      },
    );
  } catch (error) {
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    return false;
  } finally {
    await session.refresh().catch(() => undefined);
  }
  return true;
}

async function showVerdict(
  session: EngineSession,
  result: Reachability,
  again: (snapshot: Snapshot) => Reachability,
): Promise<void> {
  const detail = result.reasons.map((r) => `• ${renderReason(r, t)}`).join('\n');
  // A modal holds a few buttons well; the create fix always comes last, so keep it.
  const fixes =
    result.fixes.length > 3 ? [...result.fixes.slice(0, 2), ...result.fixes.slice(-1)] : result.fixes;
  const buttons = fixes.map((fix) => ({ title: renderFix(fix, t), fix }));
  const verdict = renderVerdict(result.verdict, t);
  const chosen = result.reachable
    ? await vscode.window.showInformationMessage(verdict, { modal: true, detail }, ...buttons)
    : await vscode.window.showWarningMessage(verdict, { modal: true, detail }, ...buttons);
  if (chosen && (await applyFix(session, chosen.fix))) {
    const snapshot = session.snapshot;
    if (snapshot) void vscode.window.showInformationMessage(renderVerdict(again(snapshot).verdict, t));
  }
}

export async function checkConnectivity(session: EngineSession, arg: unknown): Promise<void> {
  const snapshot = await currentSnapshot(session);
  if (!snapshot) return;
  const givenId = containerIdOf(arg);
  const from = givenId
    ? snapshot.containers.get(givenId)
    : (await pickTarget(snapshot, vscode.l10n.t('Check connectivity from which container?')))?.container;
  if (!from) {
    if (givenId)
      void vscode.window.showErrorMessage(vscode.l10n.t('Container {0} no longer exists.', givenId));
    return;
  }
  const to = await pickTarget(
    snapshot,
    snapshot.swarm?.services.length
      ? vscode.l10n.t('Can {0} reach which container or service?', from.name)
      : vscode.l10n.t('Can {0} reach which container?', from.name),
    from.id,
    true,
  );
  if (to?.service) {
    const serviceId = to.service.id;
    const ask = (now: Snapshot) => analyzeServiceReach(now, from.id, serviceId);
    await showVerdict(session, ask(snapshot), ask);
  } else if (to?.container) {
    const toId = to.container.id;
    const ask = (now: Snapshot) => analyzeReach(now, from.id, toId);
    await showVerdict(session, ask(snapshot), ask);
  }
}
