// Reads one entry of `services:` into a ServiceDecl, recording every name it mentions.
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { EnvEntry, Located, MountSpec, PortSpec, ServiceDecl, ServiceNetwork } from './model';
import { interpolation } from './model';
import type { Reader } from './reader';
import { parseShortMount, parseShortPort, portRange } from './specs';
import { entries, entry, isTrue, items, scalarText, type Entry, type Found } from './yamlNodes';

export function readService(r: Reader, e: Entry): ServiceDecl {
  const value = e.value;
  const get = (key: string): Entry | undefined => entry(r.doc, value, key);
  r.symbol('service', e.key, r.range(e.keyNode), true);
  const networksEntry = get('networks');
  const portsEntry = get('ports');
  const linksEntry = get('links');
  const networks = networksEntry ? readNetworks(r, networksEntry) : undefined;
  const mode = get('network_mode');
  const networkMode = mode ? r.located(mode.value, r.valueSite(mode)) : undefined;
  if (mode?.value && networkMode?.text.startsWith('service:')) {
    const name = networkMode.text.slice('service:'.length);
    r.symbol('service', name, r.inner(mode.value, r.valueSite(mode), 'service:'.length, name.length));
  }
  const hostnames = [get('container_name'), get('hostname')]
    .map((x) => scalarText(x?.value ?? null))
    .filter((x): x is string => !!x);
  for (const n of networks ?? []) hostnames.push(...n.aliases);
  const service: ServiceDecl = {
    name: e.key,
    keyRange: r.range(e.keyNode),
    range: r.pairRange(e.keyNode, value),
    networks,
    networksKey: networksEntry ? r.range(networksEntry.site) : undefined,
    networkMode,
    ports: portsEntry ? items(r.doc, portsEntry.value).map((f) => readPort(r, f)) : [],
    portsKey: portsEntry ? r.range(portsEntry.site) : undefined,
    volumes: items(r.doc, get('volumes')?.value ?? null).flatMap((f) => readMount(r, f)),
    dependsOn: names(r, get('depends_on')),
    links: linksEntry ? readLinks(r, linksEntry) : [],
    linksKey: linksEntry ? r.range(linksEntry.site) : undefined,
    build: readBuild(r, get('build')),
    environment: readEnvironment(r, get('environment')),
    commands: [get('command'), get('entrypoint'), entry(r.doc, get('healthcheck')?.value ?? null, 'test')]
      .filter((x): x is Entry => !!x)
      .map((x) => commandText(r, x))
      .filter((x): x is Located => !!x),
    profiles: items(r.doc, get('profiles')?.value ?? null)
      .map((f) => scalarText(f.node))
      .filter((x): x is string => !!x),
    hostnames,
    image: scalarText(get('image')?.value ?? null),
    extendsFile: readExtends(r, get('extends')),
  };
  for (const d of service.dependsOn) r.symbol('service', d.text, d.range);
  readVolumesFrom(r, get('volumes_from'));
  return service;
}

/** `depends_on` as a list of names or a map keyed by name. */
function names(r: Reader, e: Entry | undefined): Located[] {
  if (!e) return [];
  if (isMap(e.value)) return entries(r.doc, e.value).map((x) => ({ text: x.key, range: r.range(x.site) }));
  return items(r.doc, e.value)
    .map((f) => r.located(f.node, f.site))
    .filter((x): x is Located => !!x);
}

function readNetworks(r: Reader, e: Entry): ServiceNetwork[] {
  const out: ServiceNetwork[] = [];
  if (isMap(e.value)) {
    for (const n of entries(r.doc, e.value)) {
      const opts = n.value;
      const aliases = items(r.doc, entry(r.doc, opts, 'aliases')?.value ?? null)
        .map((f) => scalarText(f.node))
        .filter((x): x is string => !!x);
      const v4 = entry(r.doc, opts, 'ipv4_address');
      const v6 = entry(r.doc, opts, 'ipv6_address');
      out.push({
        name: n.key,
        range: r.range(n.site),
        ipv4: v4 ? r.located(v4.value, r.valueSite(v4)) : undefined,
        ipv6: v6 ? r.located(v6.value, r.valueSite(v6)) : undefined,
        aliases,
      });
    }
  } else {
    for (const f of items(r.doc, e.value)) {
      const name = r.located(f.node, f.site);
      if (name)
        out.push({ name: name.text, range: name.range, ipv4: undefined, ipv6: undefined, aliases: [] });
    }
  }
  for (const n of out) r.symbol('network', n.name, n.range);
  return out;
}

function readPort(r: Reader, f: Found): PortSpec {
  const range = r.range(f.site);
  const raw = scalarText(f.node);
  if (raw !== undefined) {
    const p = parseShortPort(raw);
    return { range, raw, ...p, interpolated: interpolation.test(raw) };
  }
  const get = (key: string): string | undefined => scalarText(entry(r.doc, f.node, key)?.value ?? null);
  const published = get('published');
  const target = get('target');
  const text = `${published ?? ''}:${target ?? ''}`;
  return {
    range,
    raw: text,
    published: portRange(published),
    target: portRange(target),
    hostIp: get('host_ip'),
    protocol: (get('protocol') ?? 'tcp').toLowerCase(),
    interpolated: interpolation.test(text) || interpolation.test(get('host_ip') ?? ''),
  };
}

function readMount(r: Reader, f: Found): MountSpec[] {
  const raw = scalarText(f.node);
  if (raw !== undefined && f.node) {
    const m = parseShortMount(raw);
    const sourceRange = m.source ? r.inner(f.node, f.site, m.sourceAt, m.source.length) : undefined;
    if (m.type === 'volume' && m.source && sourceRange) r.symbol('volume', m.source, sourceRange);
    return [
      {
        ...m,
        range: r.range(f.site),
        sourceRange,
        createHostPath: true,
        short: true,
        interpolated: interpolation.test(raw),
      },
    ];
  }
  if (!isMap(f.node)) return [];
  const get = (key: string): Entry | undefined => entry(r.doc, f.node, key);
  const type = (scalarText(get('type')?.value ?? null) ?? 'volume') as MountSpec['type'];
  const sourceEntry = get('source');
  const source = scalarText(sourceEntry?.value ?? null);
  const sourceRange = sourceEntry ? r.range(r.valueSite(sourceEntry)) : undefined;
  if (type === 'volume' && source && sourceRange) r.symbol('volume', source, sourceRange);
  const target = scalarText(get('target')?.value ?? null);
  return [
    {
      range: r.range(f.site),
      type,
      source,
      sourceRange,
      target,
      readOnly: isTrue(get('read_only')?.value ?? null),
      createHostPath: isTrue(entry(r.doc, get('bind')?.value ?? null, 'create_host_path')?.value ?? null),
      short: false,
      interpolated: interpolation.test(`${source ?? ''}${target ?? ''}`),
    },
  ];
}

function readLinks(r: Reader, e: Entry): ServiceDecl['links'] {
  const out: ServiceDecl['links'] = [];
  for (const f of items(r.doc, e.value)) {
    const text = scalarText(f.node);
    if (!text || !f.node) continue;
    const colon = text.indexOf(':');
    const name = colon < 0 ? text : text.slice(0, colon);
    const range = r.inner(f.node, f.site, 0, name.length);
    r.symbol('service', name, range);
    out.push({
      target: { text: name, range },
      alias: colon < 0 ? undefined : text.slice(colon + 1),
      range: r.range(f.site),
    });
  }
  return out;
}

function readVolumesFrom(r: Reader, e: Entry | undefined): void {
  for (const f of items(r.doc, e?.value ?? null)) {
    const text = scalarText(f.node);
    if (!text || !f.node || text.startsWith('container:')) continue;
    const name = text.split(':')[0];
    r.symbol('service', name, r.inner(f.node, f.site, 0, name.length));
  }
}

function readExtends(r: Reader, e: Entry | undefined): string | undefined {
  if (!e) return undefined;
  const asText = scalarText(e.value);
  const serviceNode = asText !== undefined ? e.value : (entry(r.doc, e.value, 'service')?.value ?? null);
  const file = scalarText(entry(r.doc, e.value, 'file')?.value ?? null);
  const name = scalarText(serviceNode);
  if (name && serviceNode && file === undefined) r.symbol('service', name, r.range(serviceNode));
  return file;
}

function readBuild(r: Reader, e: Entry | undefined): ServiceDecl['build'] {
  if (!e) return undefined;
  const asText = scalarText(e.value);
  if (asText !== undefined)
    return {
      context: asText,
      dockerfile: undefined,
      inline: undefined,
      target: undefined,
      range: r.range(e.site),
    };
  const get = (key: string): string | undefined => scalarText(entry(r.doc, e.value, key)?.value ?? null);
  return {
    context: get('context') ?? '.',
    dockerfile: get('dockerfile'),
    inline: get('dockerfile_inline'),
    target: get('target'),
    range: r.range(e.site),
  };
}

function readEnvironment(r: Reader, e: Entry | undefined): EnvEntry[] {
  if (!e) return [];
  if (isMap(e.value)) {
    return entries(r.doc, e.value).map((x) => ({
      key: x.key,
      value: scalarText(x.value) ?? '',
      range: r.range(r.valueSite(x)),
    }));
  }
  return items(r.doc, e.value).flatMap((f) => {
    const text = scalarText(f.node);
    if (text === undefined) return [];
    const eq = text.indexOf('=');
    return [
      {
        key: eq < 0 ? text : text.slice(0, eq),
        value: eq < 0 ? '' : text.slice(eq + 1),
        range: r.range(f.site),
      },
    ];
  });
}

/** A command as one string: a list is joined with spaces, enough to find the hosts it names. */
function commandText(r: Reader, e: Entry): Located | undefined {
  const node: Node | null = e.value;
  if (isScalar(node)) return r.located(node, r.valueSite(e));
  if (!isSeq(node)) return undefined;
  const parts = items(r.doc, node).map((f) => scalarText(f.node) ?? '');
  return { text: parts.join(' '), range: r.range(r.valueSite(e)) };
}
