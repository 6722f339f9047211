// TLS failures: which side refused whom, named from Node's error codes.
import type { TlsFiles } from '../transport/endpoint';
import { problem, say, type EngineProblem, type NodeLikeError } from './problem';

const tlsCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
  'ERR_SSL_WRONG_VERSION_NUMBER',
]);

/** Node's codes for a server certificate that the configured CA did not sign. */
const untrustedServerCodes = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_SIGNATURE_FAILURE',
]);

/** TLS alerts a server sends when it refuses the client certificate, e.g. ERR_SSL_TLSV1_ALERT_UNKNOWN_CA. */
const clientRefusedAlert =
  /^ERR_SSL_.*ALERT_(BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_REQUIRED|CERTIFICATE_UNKNOWN|UNSUPPORTED_CERTIFICATE|ACCESS_DENIED)$/;

const clientCertFix = say(
  "Use a cert.pem and key.pem issued by the CA the engine trusts (its dockerd --tlscacert), in DOCKER_CERT_PATH or the context's TLS folder.",
);

/** A TLS engine's specific refusals: untrusted server, wrong host name, refused or mismatched client keys. */
export function tlsProblem(
  e: NodeLikeError,
  at: string,
  tls: TlsFiles,
  error: unknown,
): EngineProblem | undefined {
  const code = e.code ?? '';
  if (untrustedServerCodes.has(code)) {
    return problem(
      'tls-server-untrusted',
      tls.ca
        ? say('The certificate of the engine at {0} is not signed by the CA in {1} ({2})', at, tls.ca, code)
        : say('The certificate of the engine at {0} is not signed by a trusted CA ({1})', at, code),
      [
        say(
          "Put the certificate of the CA that signed the engine's certificate (its dockerd --tlscert) in ca.pem.",
        ),
      ],
      error,
    );
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return problem(
      'tls-host-mismatch',
      say('The certificate of the engine at {0} is not issued for this host name or address', at),
      [
        say(
          "Connect with a host name or address that the engine's certificate lists (its subjectAltName), or reissue the certificate for this one.",
        ),
      ],
      error,
    );
  }
  if (clientRefusedAlert.test(code)) {
    return problem(
      'tls-client-rejected',
      tls.cert
        ? say('The engine at {0} refused the client certificate {1} ({2})', at, tls.cert, code)
        : say('The engine at {0} requires a client certificate ({1})', at, code),
      [clientCertFix],
      error,
    );
  }
  if (code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH' && tls.cert && tls.key) {
    return problem(
      'tls-key-mismatch',
      say('The client key {0} does not belong to the certificate {1}', tls.key, tls.cert),
      [say('Use the key.pem that was created together with cert.pem.')],
      error,
    );
  }
  // A server that verifies client certificates after the handshake (Node, some proxies) just
  // hangs up on one it refuses; nothing else about a TLS engine ends a connection that way.
  if (code === 'ECONNRESET' && tls.cert) {
    return problem(
      'tls-client-rejected',
      say(
        'The engine at {0} hung up on the TLS connection: it most likely refused the client certificate {1}',
        at,
        tls.cert,
      ),
      [clientCertFix],
      error,
    );
  }
  return undefined;
}

/** A handshake that failed for a reason none of the above names, or plain HTTP sent to a TLS port. */
export function tlsHandshakeProblem(
  e: NodeLikeError,
  text: string,
  at: string,
  error: unknown,
): EngineProblem | undefined {
  if (
    (e.code && tlsCodes.has(e.code)) ||
    /certificate|ssl|tls|PEM/i.test(e.code ?? '') ||
    /ssl|tls|certificate/i.test(text)
  ) {
    return problem(
      'tls-invalid',
      e.code
        ? say('The TLS handshake with {0} failed ({1})', at, e.code)
        : say('The TLS handshake with {0} failed', at),
      [
        say(
          'Check that ca.pem signed the server certificate, that cert.pem and key.pem belong together, and that the host name matches the certificate.',
        ),
      ],
      error,
    );
  }
  if (e.statusCode === 400 && /HTTP request to an HTTPS server/i.test(`${JSON.stringify(e.json)} ${text}`)) {
    return problem(
      'tls-required',
      say('The engine at {0} requires TLS', at),
      [say('Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, or use a context with TLS material.')],
      error,
    );
  }
  return undefined;
}
