// known_hosts parsing and matching as OpenSSH does it, on keys and hashed names made here.
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  blobKeyType,
  fingerprint,
  hostsMatch,
  lookupName,
  parseKnownHosts,
  preferredHostKeyAlgorithms,
  verifyHostKey,
} from '../../../client/src/engine/transport/ssh/knownHosts';

/** An ssh-ed25519 public key blob: string "ssh-ed25519", then string of the 32 raw bytes. */
function ed25519Blob(): Buffer {
  const der = generateKeyPairSync('ed25519').publicKey.export({ format: 'der', type: 'spki' });
  const raw = der.subarray(der.length - 32);
  return Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(raw)]);
}

function sshString(bytes: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

const line = (hosts: string, key: Buffer, marker = '') =>
  `${marker ? `${marker} ` : ''}${hosts} ${blobKeyType(key)} ${key.toString('base64')} comment`;

/** A HashKnownHosts entry for `name`, as ssh-keygen -H writes it. */
function hashed(name: string): string {
  const salt = randomBytes(20);
  const hash = createHmac('sha1', salt).update(name).digest('base64');
  return `|1|${salt.toString('base64')}|${hash}`;
}

const file = '/home/u/.ssh/known_hosts';
const hostKey = ed25519Blob();
const otherKey = ed25519Blob();

void describe('known_hosts', () => {
  void test('the lookup name is the host on port 22 and [host]:port elsewhere, lower-cased', () => {
    assert.equal(lookupName('Build.Example.com', 22), 'build.example.com');
    assert.equal(lookupName('10.0.0.5', 2222), '[10.0.0.5]:2222');
    assert.equal(lookupName('[::1]', 2200), '[::1]:2200');
  });

  void test('fingerprints are SHA256 in unpadded base64, as ssh-keygen -l prints them', () => {
    const fp = fingerprint(hostKey);
    assert.match(fp, /^SHA256:[A-Za-z0-9+/]{43}$/);
    assert.notEqual(fp, fingerprint(otherKey));
  });

  void test('plain names, comma lists and case', () => {
    assert.ok(hostsMatch('build.example.com', 'build.example.com'));
    assert.ok(hostsMatch('build.example.com', 'other,BUILD.example.com,10.0.0.5'));
    assert.ok(hostsMatch('10.0.0.5', 'other,build.example.com,10.0.0.5'));
    assert.ok(!hostsMatch('build.example.co', 'build.example.com'));
    assert.ok(!hostsMatch('build.example.com', 'other.example.com'));
  });

  void test('ports: [host]:port entries apply to that port only', () => {
    assert.ok(hostsMatch(lookupName('10.0.0.5', 2222), '[10.0.0.5]:2222'));
    assert.ok(!hostsMatch(lookupName('10.0.0.5', 22), '[10.0.0.5]:2222'));
    assert.ok(!hostsMatch(lookupName('10.0.0.5', 2222), '10.0.0.5'));
    assert.ok(!hostsMatch(lookupName('10.0.0.5', 2223), '[10.0.0.5]:2222'));
  });

  void test('wildcards: * any run, ? one character, nothing else special', () => {
    assert.ok(hostsMatch('build.example.com', '*.example.com'));
    assert.ok(!hostsMatch('example.com', '*.example.com'));
    assert.ok(hostsMatch('node7.example.com', 'node?.example.com'));
    assert.ok(!hostsMatch('node17.example.com', 'node?.example.com'));
    assert.ok(hostsMatch('[10.0.0.5]:2222', '[10.0.0.*]:2222'));
    assert.ok(!hostsMatch('buildxexample.com', 'build.example.com'), 'a dot is not a wildcard');
  });

  void test('a negated pattern excludes the host even when another pattern matches', () => {
    assert.ok(hostsMatch('build.example.com', '*.example.com,!secret.example.com'));
    assert.ok(!hostsMatch('secret.example.com', '*.example.com,!secret.example.com'));
    assert.ok(!hostsMatch('secret.example.com', '!secret.example.com'), 'a negation alone matches nothing');
  });

  void test('hashed entries match by HMAC-SHA1 of the lookup name with their salt', () => {
    assert.ok(hostsMatch('build.example.com', hashed('build.example.com')));
    assert.ok(!hostsMatch('other.example.com', hashed('build.example.com')));
    assert.ok(hostsMatch('[10.0.0.5]:2222', hashed('[10.0.0.5]:2222')));
    assert.ok(!hostsMatch('10.0.0.5', hashed('[10.0.0.5]:2222')));
    assert.ok(!hostsMatch('x', '|2|abc|def'), 'unknown hash kinds match nothing');
  });

  void test('parsing keeps line numbers and markers and skips comments, blanks and garbage', () => {
    const text = [
      '# comment',
      '',
      line('a.example.com', hostKey),
      '@revoked * ' + `${blobKeyType(otherKey)} ${otherKey.toString('base64')}`,
      '@cert-authority *.example.com ' + `${blobKeyType(otherKey)} ${otherKey.toString('base64')}`,
      '@unknown-marker b.example.com ssh-ed25519 AAAA',
      'c.example.com ssh-rsa not-base64!',
      'd.example.com 2048 35 1234567',
      `e.example.com ssh-rsa ${hostKey.toString('base64')}`,
    ].join('\n');
    const lines = parseKnownHosts(text, file);
    assert.deepEqual(
      lines.map((l) => [l.line, l.marker, l.hosts]),
      [
        [3, undefined, 'a.example.com'],
        [4, 'revoked', '*'],
        [5, 'cert-authority', '*.example.com'],
      ],
    );
  });

  void test('verdicts: trusted, changed (same type, other key), unknown, revoked', () => {
    const lines = parseKnownHosts(
      [line('a.example.com', hostKey), line('b.example.com', otherKey)].join('\n'),
      file,
    );
    assert.deepEqual(verifyHostKey(lines, 'a.example.com', hostKey), {
      kind: 'trusted',
      at: { file, line: 1 },
    });
    assert.deepEqual(verifyHostKey(lines, 'b.example.com', hostKey), {
      kind: 'changed',
      at: { file, line: 2 },
    });
    assert.deepEqual(verifyHostKey(lines, 'c.example.com', hostKey), {
      kind: 'unknown',
      otherTypes: [],
      certAuthority: undefined,
    });
    const revoked = parseKnownHosts(
      [line('a.example.com', hostKey), line('*', hostKey, '@revoked')].join('\n'),
      file,
    );
    assert.deepEqual(verifyHostKey(revoked, 'a.example.com', hostKey), {
      kind: 'revoked',
      at: { file, line: 2 },
    });
  });

  void test('a second line with the right key wins over one with an old key', () => {
    const lines = parseKnownHosts(
      [line('a.example.com', otherKey), line('*.example.com', hostKey)].join('\n'),
      file,
    );
    assert.equal(verifyHostKey(lines, 'a.example.com', hostKey).kind, 'trusted');
  });

  void test('a host known only through @cert-authority, or only with other key types, is unknown', () => {
    const ca = parseKnownHosts(line('*.example.com', otherKey, '@cert-authority'), file);
    assert.deepEqual(verifyHostKey(ca, 'a.example.com', hostKey), {
      kind: 'unknown',
      otherTypes: [],
      certAuthority: { file, line: 1 },
    });
    const ecdsa = Buffer.concat([
      sshString(Buffer.from('ecdsa-sha2-nistp256')),
      sshString(Buffer.from('nistp256')),
      sshString(randomBytes(65)),
    ]);
    const typed = parseKnownHosts(line('a.example.com', ecdsa), file);
    assert.deepEqual(verifyHostKey(typed, 'a.example.com', hostKey), {
      kind: 'unknown',
      otherTypes: ['ecdsa-sha2-nistp256'],
      certAuthority: undefined,
    });
    assert.deepEqual(preferredHostKeyAlgorithms(typed, 'a.example.com'), ['ecdsa-sha2-nistp256']);
    assert.deepEqual(preferredHostKeyAlgorithms(typed, 'b.example.com'), []);
  });

  void test('hashed and negated lines take part in verdicts too', () => {
    const lines = parseKnownHosts(
      [line(hashed('[10.0.0.5]:2222'), hostKey), line('*,!10.0.0.6', otherKey)].join('\n'),
      file,
    );
    assert.equal(verifyHostKey(lines, '[10.0.0.5]:2222', hostKey).kind, 'trusted');
    assert.equal(verifyHostKey(lines, '10.0.0.7', hostKey).kind, 'changed');
    assert.equal(verifyHostKey(lines, '10.0.0.6', hostKey).kind, 'unknown');
  });
});
