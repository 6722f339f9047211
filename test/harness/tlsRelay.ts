// A Docker engine behind mutual TLS, as `dockerd --tlsverify -H tcp://…` serves it, without
// reconfiguring the real daemon: a TLS server on 127.0.0.1 that demands and verifies a client
// certificate and relays the bytes to the engine's unix socket. Certificates come from a
// throwaway CA made with openssl in a temporary folder.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tls from 'node:tls';
import { socketPath as engineSocket } from './engine';

/** Undefined when openssl can be run; otherwise why not. */
export function opensslMissingReason(): string | undefined {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return undefined;
  } catch (error) {
    return `openssl cannot be run (install it with "apt-get install openssl"): ${String(error)}`;
  }
}

function openssl(cwd: string, args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function newKey(cwd: string, keyFile: string): void {
  openssl(cwd, ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', keyFile]);
}

/** A certificate authority: its certificate and key, in `dir`. */
export interface Authority {
  dir: string;
  cert: string;
  key: string;
}

/** A fresh CA in its own folder under `root`. */
export function makeAuthority(root: string, name: string): Authority {
  const dir = path.join(root, name);
  fs.mkdirSync(dir, { recursive: true });
  // An explicit config: the system's openssl.cnf differs between distributions.
  fs.writeFileSync(
    path.join(dir, 'ca.cnf'),
    [
      '[req]',
      'distinguished_name = dn',
      'x509_extensions = v3_ca',
      'prompt = no',
      '[dn]',
      `CN = ${name}`,
      '[v3_ca]',
      'basicConstraints = critical, CA:TRUE',
      'keyUsage = critical, keyCertSign, cRLSign',
      'subjectKeyIdentifier = hash',
      '',
    ].join('\n'),
  );
  newKey(dir, 'ca-key.pem');
  openssl(dir, [
    'req',
    '-x509',
    '-new',
    '-config',
    'ca.cnf',
    '-key',
    'ca-key.pem',
    '-days',
    '2',
    '-out',
    'ca.pem',
  ]);
  return { dir, cert: path.join(dir, 'ca.pem'), key: path.join(dir, 'ca-key.pem') };
}

/**
 * Issues a certificate signed by `ca` into `dir` as `<stem>cert.pem` and `<stem>key.pem`:
 * a server certificate for 127.0.0.1 and localhost, or a client one.
 */
export function issue(
  ca: Authority,
  dir: string,
  role: 'server' | 'client',
  stem = '',
  /** The server certificate's subjectAltName. */
  names = 'IP:127.0.0.1, DNS:localhost',
): { cert: string; key: string } {
  fs.mkdirSync(dir, { recursive: true });
  const key = `${stem}key.pem`;
  const cert = `${stem}cert.pem`;
  const csr = `${stem}req.csr`;
  const ext = `${stem}ext.cnf`;
  fs.writeFileSync(
    path.join(dir, ext),
    role === 'server'
      ? `basicConstraints = CA:FALSE\nextendedKeyUsage = serverAuth\nsubjectAltName = ${names}\n`
      : 'basicConstraints = CA:FALSE\nextendedKeyUsage = clientAuth\n',
  );
  newKey(dir, key);
  openssl(dir, ['req', '-new', '-key', key, '-subj', `/CN=berth-test-${role}`, '-out', csr]);
  openssl(dir, [
    'x509',
    '-req',
    '-in',
    csr,
    '-CA',
    ca.cert,
    '-CAkey',
    ca.key,
    '-set_serial',
    `0x${randomBytes(8).toString('hex')}`,
    '-days',
    '2',
    '-extfile',
    ext,
    '-out',
    cert,
  ]);
  fs.rmSync(path.join(dir, csr));
  fs.rmSync(path.join(dir, ext));
  return { cert: path.join(dir, cert), key: path.join(dir, key) };
}

/**
 * Go's HTTPS server answers plain HTTP with exactly these bytes before it hangs up; dockerd
 * listening with TLS does the same, and clients (the docker CLI, Berth) key their advice on it.
 */
const goPlainHttpAnswer = 'HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n';

export interface TlsRelayOptions {
  /** The CA that client certificates must chain to. */
  clientCa: string;
  serverCert: string;
  serverKey: string;
  /** The loopback address to listen on; 127.0.0.1 unless a test needs a host VS Code does not treat as local. */
  address?: string;
}

/** The engine on 127.0.0.1:<free port>, reachable only with a client certificate `clientCa` signed. */
export class TlsRelay {
  private server: tls.Server | undefined;
  private plain: net.Server | undefined;
  private readonly open = new Set<net.Socket>();
  /** Handshakes the relay refused, with the reason, to tell "rejected" from "never tried". */
  readonly refusals: string[] = [];
  port = 0;

  constructor(private readonly options: TlsRelayOptions) {}

  /** `tcp://<address>:<port>` for DOCKER_HOST. */
  get host(): string {
    return `tcp://${this.options.address ?? '127.0.0.1'}:${this.port}`;
  }

  async start(): Promise<void> {
    const server = tls.createServer({
      ca: fs.readFileSync(this.options.clientCa),
      cert: fs.readFileSync(this.options.serverCert),
      key: fs.readFileSync(this.options.serverKey),
      requestCert: true,
      rejectUnauthorized: true,
    });
    server.on('secureConnection', (client) => this.relay(client));
    server.on('tlsClientError', (error) => this.refusals.push(error.message));
    // The public port is plain TCP so that, like Go, it can answer a plain HTTP request; a TLS
    // handshake is forwarded to the TLS server on a second, internal port. (Handing the socket
    // itself to the TLS server would lose the bytes already read to tell the two apart.)
    const plain = net.createServer((socket) => this.sniff(socket));
    await listen(server, '127.0.0.1');
    await listen(plain, this.options.address ?? '127.0.0.1');
    this.server = server;
    this.plain = plain;
    this.port = (plain.address() as net.AddressInfo).port;
  }

  async dispose(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    this.open.clear();
    for (const server of [this.plain, this.server]) {
      if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    this.plain = undefined;
    this.server = undefined;
  }

  private sniff(socket: net.Socket): void {
    this.open.add(socket);
    socket.on('close', () => this.open.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      const handshake = 0x16;
      const tlsPort = (this.server?.address() as net.AddressInfo | null)?.port;
      if (first[0] !== handshake || tlsPort === undefined) {
        this.refusals.push('plain HTTP on the TLS port');
        socket.end(goPlainHttpAnswer);
        return;
      }
      this.pipe(socket, net.connect(tlsPort, '127.0.0.1'), first);
    });
  }

  private relay(client: tls.TLSSocket): void {
    this.pipe(client, net.connect(engineSocket));
  }

  private pipe(client: net.Socket, upstream: net.Socket, first?: Buffer): void {
    this.open.add(client);
    this.open.add(upstream);
    const destroy = () => {
      client.destroy();
      upstream.destroy();
    };
    // Ending, not destroying, on close: a TLS alert written just before the close must still
    // reach the client, which words its error after it.
    client.on('error', destroy).on('close', () => {
      upstream.end();
      this.open.delete(client);
    });
    upstream.on('error', destroy).on('close', () => {
      client.end();
      this.open.delete(upstream);
    });
    if (first) upstream.write(first);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}

function listen(server: net.Server, address: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve());
  });
}

/** A temporary folder for one suite's certificates; remove it with `fs.rmSync` in `after`. */
export function certRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'berth-tls-'));
}
