import type { Stage } from './context';

/** The external image a stage is built on, following `FROM <stage>` back to the first stage. */
export function rootImage(stage: Stage): string {
  let s = stage;
  while (s.parent) s = s.parent;
  return s.image.toLowerCase();
}

/** Alpine and busybox images: `/bin/sh` is busybox, no bash and no GNU tools unless installed. */
export function onBusybox(stage: Stage): boolean {
  return /alpine|busybox/.test(rootImage(stage));
}

/** Windows images, whose default shell is cmd. */
export function onWindows(stage: Stage): boolean {
  return /windows|servercore|nanoserver/.test(rootImage(stage));
}
