// Reads the top-level `networks:` and `volumes:` declarations.
import { isMap } from 'yaml';
import type { IpamConfigDecl, Located, ResourceDecl } from './model';
import type { Reader } from './reader';
import { entries, entry, isTrue, items, scalarText, type Entry } from './yamlNodes';

function stringMap(r: Reader, e: Entry | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!e) return out;
  if (isMap(e.value)) {
    for (const x of entries(r.doc, e.value)) out[x.key] = scalarText(x.value) ?? '';
    return out;
  }
  for (const f of items(r.doc, e.value)) {
    const text = scalarText(f.node);
    if (text === undefined) continue;
    const eq = text.indexOf('=');
    out[eq < 0 ? text : text.slice(0, eq)] = eq < 0 ? '' : text.slice(eq + 1);
  }
  return out;
}

function readIpam(
  r: Reader,
  e: Entry | undefined,
): { driver: string | undefined; configs: IpamConfigDecl[] } {
  const value = e?.value ?? null;
  const configs = items(r.doc, entry(r.doc, value, 'config')?.value ?? null).map((f) => {
    const field = (key: string): Located | undefined => {
      const x = entry(r.doc, f.node, key);
      return x ? r.located(x.value, f.node === f.site ? r.valueSite(x) : f.site) : undefined;
    };
    return { subnet: field('subnet'), gateway: field('gateway'), ipRange: field('ip_range') };
  });
  return { driver: scalarText(entry(r.doc, value, 'driver')?.value ?? null), configs };
}

export function readResource(r: Reader, e: Entry, kind: 'network' | 'volume'): ResourceDecl {
  const value = e.value;
  const get = (key: string): Entry | undefined => entry(r.doc, value, key);
  r.symbol(kind, e.key, r.range(e.keyNode), true);
  const external = get('external');
  // Compose v2 files wrote `external: { name: x }`; the spec still reads it.
  const legacyName = isMap(external?.value ?? null)
    ? entry(r.doc, external?.value ?? null, 'name')
    : undefined;
  const nameEntry = get('name') ?? legacyName;
  const ipam = readIpam(r, get('ipam'));
  return {
    name: e.key,
    keyRange: r.range(e.keyNode),
    range: r.pairRange(e.keyNode, value),
    external: !!external && (isTrue(external.value) || isMap(external.value)),
    externalRange: external ? r.range(external.site) : undefined,
    explicitName: nameEntry ? r.located(nameEntry.value, r.valueSite(nameEntry)) : undefined,
    driver: scalarText(get('driver')?.value ?? null),
    driverOpts: stringMap(r, get('driver_opts')),
    ipamDriver: ipam.driver,
    ipam: ipam.configs,
    internal: isTrue(get('internal')?.value ?? null),
    attachable: isTrue(get('attachable')?.value ?? null),
    enableIpv6: isTrue(get('enable_ipv6')?.value ?? null),
    labels: stringMap(r, get('labels')),
  };
}
