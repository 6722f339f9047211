// The short forms of `ports` and `volumes` entries, read as Compose reads them.
import { interpolation, type MountType, type PortRange } from './model';

export interface ShortPort {
  hostIp: string | undefined;
  published: PortRange | undefined;
  target: PortRange | undefined;
  protocol: string;
}

export function portRange(text: string | undefined): PortRange | undefined {
  if (text === undefined || text === '') return undefined;
  const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(text.trim());
  if (!m) return undefined;
  const start = Number(m[1]);
  const end = m[2] === undefined ? start : Number(m[2]);
  return start <= end && end <= 65535 ? { start, end } : undefined;
}

/** `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, IPv6 host addresses in brackets. */
export function parseShortPort(raw: string): ShortPort {
  let text = raw.trim();
  let protocol = 'tcp';
  const slash = text.lastIndexOf('/');
  if (slash >= 0) {
    protocol = text.slice(slash + 1).toLowerCase() || 'tcp';
    text = text.slice(0, slash);
  }
  let hostIp: string | undefined;
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    hostIp = text.slice(1, close);
    text = text.slice(close + 2);
  }
  const parts = text.split(':');
  if (parts.length >= 3) {
    hostIp ??= parts.slice(0, -2).join(':');
    return { hostIp, published: portRange(parts.at(-2)), target: portRange(parts.at(-1)), protocol };
  }
  if (parts.length === 2)
    return { hostIp, published: portRange(parts[0]), target: portRange(parts[1]), protocol };
  return { hostIp, published: undefined, target: portRange(parts[0]), protocol };
}

export interface ShortMount {
  type: MountType;
  source: string | undefined;
  /** Offset of the source inside the raw text. */
  sourceAt: number;
  target: string | undefined;
  readOnly: boolean;
}

const windowsPath = /^[A-Za-z]:[\\/]/;

/** Whether a volume source is a host path rather than a volume name, as Compose decides. */
export function isHostPath(source: string): boolean {
  return (
    source.startsWith('/') ||
    source.startsWith('.') ||
    source.startsWith('~') ||
    source.startsWith('\\\\') ||
    windowsPath.test(source)
  );
}

/** `[SOURCE:]TARGET[:MODE]`; a Windows drive letter in SOURCE is not a separator. */
export function parseShortMount(raw: string): ShortMount {
  const text = raw.trim();
  const sourceAt = raw.indexOf(text);
  const skip = windowsPath.test(text) ? 2 : 0;
  const first = text.indexOf(':', skip);
  if (first < 0) return { type: 'volume', source: undefined, sourceAt, target: text, readOnly: false };
  const source = text.slice(0, first);
  const rest = text.slice(first + 1);
  const second = rest.indexOf(':', windowsPath.test(rest) ? 2 : 0);
  const target = second < 0 ? rest : rest.slice(0, second);
  const mode = second < 0 ? '' : rest.slice(second + 1);
  const readOnly = mode.split(',').includes('ro');
  const type: MountType = isHostPath(source) || interpolation.test(source) ? 'bind' : 'volume';
  return { type, source, sourceAt, target, readOnly };
}
