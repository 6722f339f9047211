// Finds the host names a setting or command mentions: `http://userservice:8080`, `db:5432`,
// `DB_HOST=db`.

const url = /\b[a-z][a-z0-9+.-]*:\/\/(?:[^\s@/]*@)?([A-Za-z0-9_.-]+)/gi;
const hostPort = /(?:^|[\s=,;"'(@])([A-Za-z][A-Za-z0-9_.-]*):(\d{2,5})\b/g;
const hostKey = /(HOST|HOSTNAME|ADDR|ADDRESS|SERVER|SERVERS|URL|URI|DSN|ENDPOINT|BROKERS?)$/i;

export function hostsInText(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(url)) out.push(m[1]);
  for (const m of text.matchAll(hostPort)) out.push(m[1]);
  return out;
}

/** Hosts an environment variable names: its whole value for a HOST-like key, and URLs inside. */
export function hostsInEnv(key: string, value: string): string[] {
  const out = hostsInText(value);
  const plain = value.trim();
  if (hostKey.test(key) && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(plain)) out.push(plain);
  return out;
}
