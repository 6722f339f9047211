// The public half of a key file, which tells an IdentityFile's key among the agent's: read from
// the key, from OpenSSH's format behind a passphrase, or from `<file>.pub`.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { utils, type ParsedKey } from 'ssh2';
import { openSshPublicBlob, publicBlobOf } from '../../../client/src/engine/transport/ssh/sshKeys';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ssh-keys-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function parse(data: string | Buffer, passphrase?: string): ParsedKey | Error {
  const parsed = utils.parseKey(data, passphrase);
  return Array.isArray(parsed) ? (parsed[0] as ParsedKey) : parsed;
}

function publicOf(pair: { public: string }): Buffer {
  const key = parse(pair.public);
  if (key instanceof Error) throw key;
  return key.getPublicSSH();
}

void describe('publicBlobOf', () => {
  void test('a key without a passphrase: its own public half', () => {
    const pair = utils.generateKeyPairSync('ed25519');
    const data = Buffer.from(pair.private);
    assert.deepEqual(publicBlobOf(path.join(dir, 'none'), data, parse(data)), publicOf(pair));
  });

  void test("OpenSSH's format behind a passphrase: the public key it keeps in clear", () => {
    const pair = utils.generateKeyPairSync('ed25519', {
      passphrase: 'secret',
      cipher: 'aes256-ctr',
      rounds: 2,
    });
    const data = Buffer.from(pair.private);
    const locked = parse(data);
    assert.ok(
      locked instanceof Error && /passphrase/i.test(locked.message),
      locked instanceof Error ? locked.message : 'parsed',
    );
    assert.deepEqual(openSshPublicBlob(data), publicOf(pair));
    assert.deepEqual(publicBlobOf(path.join(dir, 'absent'), data, locked), publicOf(pair));
  });

  void test('a file that is no OpenSSH key: from <file>.pub, else unknown', () => {
    const pair = utils.generateKeyPairSync('ecdsa', { bits: 256 });
    const file = path.join(dir, 'id_pem');
    const data = Buffer.from(
      '-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n\nAAAA\n-----END EC PRIVATE KEY-----\n',
    );
    const error = new Error('Encrypted private key detected, but no passphrase given');
    assert.equal(openSshPublicBlob(data), undefined);
    assert.equal(publicBlobOf(file, data, error), undefined);
    fs.writeFileSync(`${file}.pub`, `${pair.public.trim()} me@laptop\n`);
    assert.deepEqual(publicBlobOf(file, data, error), publicOf(pair));
  });

  void test('a damaged OpenSSH key gives no public half rather than a wrong one', () => {
    const pair = utils.generateKeyPairSync('ed25519', {
      passphrase: 'secret',
      cipher: 'aes256-ctr',
      rounds: 2,
    });
    const lines = pair.private.trim().split('\n');
    const cut = `${lines[0]}\n${lines[1].slice(0, 30)}\n${lines.at(-1)}\n`;
    assert.equal(openSshPublicBlob(Buffer.from(cut)), undefined);
  });
});
