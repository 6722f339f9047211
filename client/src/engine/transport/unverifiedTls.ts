// TLS that checks neither the engine's name nor its certificate chain, as the docker CLI does
// with DOCKER_TLS and no DOCKER_TLS_VERIFY. The agent makes the TLS connection itself and
// docker-modem speaks plain HTTP over it: VS Code's proxy support (http.proxySupport override)
// replaces the agent of an HTTPS request to a remote host with its own, and with it
// rejectUnauthorized, so the certificate would be checked after all and refused.
import { Agent } from 'node:http';
import type { ClientRequestArgs } from 'node:http';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect } from 'node:tls';

export interface UnverifiedTlsTarget {
  host: string;
  port: number;
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

export class UnverifiedTlsAgent extends Agent {
  constructor(private readonly target: UnverifiedTlsTarget) {
    super({ keepAlive: true });
  }

  override createConnection(_options: ClientRequestArgs): Duplex {
    const { host, port, ca, cert, key } = this.target;
    return connect({
      host,
      port,
      ca,
      cert,
      key,
      // SNI names a host, never an address.
      servername: isIP(host) === 0 ? host : undefined,
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
  }
}
