// Create Volume…: name, driver, options and labels, each checked as it is typed.
import * as vscode from 'vscode';
import { askText } from '../../ui/pick';
import { keys } from '../../shared/nodes';
import { changing, dockerOf, snapshotOf, type BerthCommand } from '../../commands/context';
import { parseKeyValues } from '../../commands/keyValues';
import { volumeNameProblem } from '../../commands/validate';

export const createVolume: BerthCommand = async (ctx) => {
  const snapshot = await snapshotOf(ctx);
  const title = (step: number) => vscode.l10n.t('Create Volume ({0}/{1})', step, 4);
  const name = await askText({
    title: title(1),
    prompt: vscode.l10n.t('Volume name'),
    placeHolder: 'pgdata',
    validate: (value) => volumeNameProblem(snapshot, value.trim()),
  });
  if (name === undefined) return;
  const driver = await askText({
    title: title(2),
    prompt: vscode.l10n.t('Volume driver'),
    value: 'local',
    validate: (value) =>
      /^[\w.\-/:]+$/.test(value.trim()) ? undefined : vscode.l10n.t('Enter a driver name, e.g. local.'),
  });
  if (driver === undefined) return;
  const options = await askText({
    title: title(3),
    prompt: vscode.l10n.t('Driver options (optional), key=value separated by spaces'),
    placeHolder: 'type=tmpfs device=tmpfs o=size=100m',
    validate: (value) => parseKeyValues(value).problem,
  });
  if (options === undefined) return;
  const labels = await askText({
    title: title(4),
    prompt: vscode.l10n.t('Labels (optional), key=value separated by spaces'),
    placeHolder: 'team=web',
    validate: (value) => parseKeyValues(value).problem,
  });
  if (labels === undefined) return;
  const docker = dockerOf(ctx);
  await changing(ctx, vscode.l10n.t('Creating volume {0}…', name.trim()), () =>
    docker.createVolume({
      Name: name.trim(),
      Driver: driver.trim(),
      DriverOpts: parseKeyValues(options).values,
      Labels: parseKeyValues(labels).values,
    }),
  );
  await ctx.views.reveal('volumes', keys.volume(name.trim()));
};
