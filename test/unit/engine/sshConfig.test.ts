// ssh_config read as OpenSSH's ssh_config(5) documents it, over files held in memory (and for
// whole ssh:// targets, a few written to a temp folder).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import {
  expandPathTokens,
  parseSshTime,
  resolveSshConfig,
  splitConfigLine,
  type ConfigFile,
  type SshHostOptions,
} from '../../../client/src/engine/transport/ssh/sshConfig';
import { matchesHostPatterns } from '../../../client/src/engine/transport/ssh/wildcard';
import {
  parseJump,
  resolveSshTarget,
  windowsAgentPipe,
} from '../../../client/src/engine/transport/ssh/sshTarget';

const home = '/home/ann';
const user: ConfigFile = { file: '/home/ann/.ssh/config', includeBase: '/home/ann/.ssh' };
const system: ConfigFile = { file: '/etc/ssh/ssh_config', includeBase: '/etc/ssh' };

function resolve(
  host: string,
  files: Record<string, string>,
  context: { user?: string } = {},
  order: ConfigFile[] = [user, system],
): SshHostOptions {
  return resolveSshConfig(
    host,
    order,
    { home, localUser: 'ann', ...context },
    {
      read: (file) => files[file],
      list: (dir) =>
        Object.keys(files)
          .filter((f) => f.startsWith(`${dir}/`) && !f.slice(dir.length + 1).includes('/'))
          .map((f) => f.slice(dir.length + 1)),
    },
  );
}

void describe('ssh_config lines', () => {
  void test('keyword and arguments: whitespace, one `=`, double quotes, comments', () => {
    assert.deepEqual(splitConfigLine('  HostName   build.example  '), ['HostName', 'build.example']);
    assert.deepEqual(splitConfigLine('Port=2222'), ['Port', '2222']);
    assert.deepEqual(splitConfigLine('Port = 2222'), ['Port', '2222']);
    assert.deepEqual(splitConfigLine('IdentityFile "~/keys/my key"'), ['IdentityFile', '~/keys/my key']);
    assert.deepEqual(splitConfigLine('Host a b # the two'), ['Host', 'a', 'b']);
    assert.deepEqual(splitConfigLine('# all comment'), []);
    assert.deepEqual(splitConfigLine('   '), []);
  });

  void test('host patterns: wildcards, case, and a negation that wins', () => {
    assert.ok(matchesHostPatterns('web1.example', ['*.example']));
    assert.ok(matchesHostPatterns('WEB1.example', ['web?.example']));
    assert.ok(!matchesHostPatterns('web10.example', ['web?.example']));
    assert.ok(!matchesHostPatterns('db.example', ['*.example', '!db.*']));
    assert.ok(!matchesHostPatterns('db.example', ['!web.example']), 'a negation alone matches nothing');
    assert.ok(matchesHostPatterns('a.b', ['a?b']), '? is any one character');
    assert.ok(!matchesHostPatterns('axb', ['a.b']), 'a dot is a dot');
  });
});

void describe('resolving a host', () => {
  void test('an alias: HostName with %h, Port and User, each the first value obtained', () => {
    const options = resolve('box', {
      [user.file]: [
        'Host box',
        '  HostName %h.lan.example',
        '  Port 2222',
        'Host *',
        '  Port 22',
        '  User deploy',
        '  HostName elsewhere',
      ].join('\n'),
      [system.file]: 'Host *\n  User root\n',
    });
    assert.equal(options.hostName, 'box.lan.example');
    assert.equal(options.port, 2222);
    assert.equal(options.user, 'deploy', "the user's file comes before the system's");
  });

  void test('lines before any Host apply to every host; a Host that does not match skips its block', () => {
    const options = resolve('other', {
      [user.file]: 'User early\nHost box\n  HostName box.example\n',
    });
    assert.equal(options.user, 'early');
    assert.equal(options.hostName, undefined);
  });

  void test('IdentityFile accumulates; known_hosts files, HostKeyAlias and IdentityAgent are read', () => {
    const options = resolve('box', {
      [user.file]: [
        'Host box',
        '  IdentityFile ~/.ssh/box_ed25519',
        '  UserKnownHostsFile ~/.ssh/known_box /tmp/known_too',
        '  HostKeyAlias Box-Key',
        '  IdentityAgent ${XDG_RUNTIME_DIR}/agent.sock',
        '  IdentitiesOnly yes',
        'Host *',
        '  IdentityFile ~/.ssh/id_ed25519',
        '  IdentitiesOnly no',
        '  UserKnownHostsFile /never',
      ].join('\n'),
    });
    assert.deepEqual(options.identityFiles, ['~/.ssh/box_ed25519', '~/.ssh/id_ed25519']);
    assert.deepEqual(options.userKnownHostsFiles, ['~/.ssh/known_box', '/tmp/known_too']);
    assert.equal(options.hostKeyAlias, 'Box-Key');
    assert.equal(options.identityAgent, '${XDG_RUNTIME_DIR}/agent.sock');
    assert.equal(options.identitiesOnly, true, 'the first IdentitiesOnly wins');
  });

  void test('ProxyJump and ProxyCommand are reported with their place; `none` means no proxy', () => {
    const jumping = resolve('box', { [user.file]: '\nHost box\n  ProxyJump bastion.example\n' });
    assert.deepEqual(jumping.proxy, {
      keyword: 'ProxyJump',
      value: 'bastion.example',
      at: { file: user.file, line: 3 },
    });
    const direct = resolve('box', {
      [user.file]: 'Host box\n  ProxyJump none\nHost *\n  ProxyCommand ssh -W %h:%p gate\n',
    });
    assert.equal(direct.proxy, undefined);
  });

  void test('Include: relative to ~/.ssh, wildcards in sorted order, only inside a matching block', () => {
    const options = resolve('box', {
      [user.file]: 'Include conf.d/*.conf\nHost nothere\n  Include never.conf\n',
      '/home/ann/.ssh/conf.d/20-b.conf': 'Host box\n  Port 2020\n',
      '/home/ann/.ssh/conf.d/10-a.conf': 'Host box\n  HostName a.example\n  Port 1010\n',
      '/home/ann/.ssh/conf.d/notes.txt': 'Host box\n  User wrong\n',
      '/home/ann/.ssh/never.conf': 'User never\n',
    });
    assert.equal(options.hostName, 'a.example');
    assert.equal(options.port, 1010, '10-a.conf is read before 20-b.conf');
    assert.equal(options.user, undefined);
  });

  void test('Include wildcards skip hidden files and count case, as glob(3) does', () => {
    const options = resolve('box', {
      [user.file]: 'Include conf.d/*\n',
      '/home/ann/.ssh/conf.d/.swap': 'Host box\n  User hidden\n',
      '/home/ann/.ssh/conf.d/Upper.CONF': 'Host box\n  Port 3030\n',
    });
    assert.equal(options.user, undefined, 'a * does not pick a file whose name starts with a dot');
    assert.equal(options.port, 3030);
    const exact = resolve('box', {
      [user.file]: 'Include conf.d/*.conf\n',
      '/home/ann/.ssh/conf.d/Upper.CONF': 'Host box\n  Port 3030\n',
    });
    assert.equal(exact.port, undefined, '*.conf does not pick Upper.CONF');
  });

  void test('a Host line inside an included file ends at that file', () => {
    const options = resolve('box', {
      [user.file]: 'Host box\n  Include extra\n  User after\n',
      '/home/ann/.ssh/extra': 'Host elsewhere\n  Port 1\n',
    });
    assert.equal(options.port, undefined);
    assert.equal(options.user, 'after');
  });

  void test('an Include that includes itself stops, with a note', () => {
    const options = resolve('box', { [user.file]: 'Include config\n' });
    assert.match(options.notes.join('\n'), /Include nests deeper than 16 files/);
  });

  void test('Match host, originalhost, user, all and negation; exec is never run', () => {
    const files = {
      [user.file]: [
        'Host box',
        '  HostName box.lan',
        'Match host *.lan !user root',
        '  Port 2200',
        'Match originalhost box user deploy',
        '  IdentityFile ~/.ssh/deploy',
        'Match exec "test -e /tmp/x"',
        '  User fromexec',
        'Match all',
        '  HostKeyAlias everything',
      ].join('\n'),
    };
    const asDeploy = resolve('box', files, { user: 'deploy' });
    assert.equal(asDeploy.port, 2200);
    assert.deepEqual(asDeploy.identityFiles, ['~/.ssh/deploy']);
    assert.equal(asDeploy.user, undefined, 'Match exec is skipped');
    assert.match(asDeploy.notes.join('\n'), /line 7: Match exec is not evaluated/);
    assert.equal(asDeploy.hostKeyAlias, 'everything');
    const asRoot = resolve('box', files, { user: 'root' });
    assert.equal(asRoot.port, undefined);
    assert.deepEqual(asRoot.identityFiles, []);
  });

  void test('Match final applies in a second pass, after every other value obtained', () => {
    const options = resolve('box', {
      [user.file]: 'Match final\n  Port 1\n  User last\nHost box\n  Port 2\n',
    });
    assert.equal(options.port, 2);
    assert.equal(options.user, 'last');
  });

  void test('a bad Port is noted and ignored', () => {
    const options = resolve('box', { [user.file]: 'Port none\nPort 70000\nPort 2222\n' });
    assert.equal(options.port, 2222);
    assert.equal(options.notes.length, 2);
  });
});

void describe('ConnectTimeout and ServerAlive*', () => {
  void test("ssh's time format: seconds, or counts with s, m, h, d, w; anything else is refused", () => {
    assert.equal(parseSshTime('30'), 30);
    assert.equal(parseSshTime('30s'), 30);
    assert.equal(parseSshTime('1m30s'), 90);
    assert.equal(parseSshTime('2H'), 7200);
    assert.equal(parseSshTime('1w1d'), 8 * 86400);
    for (const bad of ['', 'none', '-5', '1.5', '10x', 's']) assert.equal(parseSshTime(bad), undefined, bad);
  });

  void test('the first value obtained wins, with its place; a bad one is noted and skipped', () => {
    const options = resolve('box', {
      [user.file]:
        'Host box\n  ConnectTimeout soon\n  ConnectTimeout 1m\n  ServerAliveInterval=15\n  ServerAliveCountMax 5\nHost *\n  ConnectTimeout 5\n  ServerAliveCountMax 9\n',
    });
    assert.deepEqual(options.connectTimeout, { seconds: 60, at: { file: user.file, line: 3 } });
    assert.deepEqual(options.serverAliveInterval, { seconds: 15, at: { file: user.file, line: 4 } });
    assert.equal(options.serverAliveCountMax, 5);
    assert.deepEqual(options.notes, [
      `${user.file} line 2: ConnectTimeout soon is not a time (ssh writes 30, 30s or 1m30s)`,
    ]);
  });
});

void describe('path tokens', () => {
  const values = {
    home,
    localUser: 'ann',
    hostName: 'box.lan',
    originalHost: 'box',
    port: 2222,
    user: 'deploy',
    uid: 1000,
  };
  void test('%d %u %h %n %p %r %i %% ~ and ${VAR}', () => {
    assert.equal(
      expandPathTokens('~/.ssh/%n-%h-%p-%r-%u-%i-%%-%d/${AGENT_DIR}/${MISSING}', values, {
        AGENT_DIR: '/run/a',
      }),
      '/home/ann/.ssh/box-box.lan-2222-deploy-ann-1000-%-/home/ann//run/a/${MISSING}',
    );
  });
});

void describe('ProxyJump entries', () => {
  void test('[user@]host[:port] and ssh:// URLs; anything else is refused', () => {
    assert.deepEqual(parseJump('bastion'), { hostname: 'bastion', port: undefined, username: undefined });
    assert.deepEqual(parseJump('ops@bastion.example:2200'), {
      hostname: 'bastion.example',
      port: 2200,
      username: 'ops',
    });
    assert.deepEqual(parseJump('ssh://ops@[::1]:22'), { hostname: '[::1]', port: 22, username: 'ops' });
    assert.equal(parseJump('bastion/path'), undefined);
    assert.equal(parseJump(''), undefined);
  });
});

void describe('where ssh:// logs in without any config file', () => {
  const nowhere = '/nonexistent/berth-test-home';
  void test("ssh's defaults: port 22, the agent of SSH_AUTH_SOCK, the key names and known_hosts files", () => {
    const target = resolveSshTarget(
      { hostname: 'Box.Example', username: 'deploy' },
      { env: { HOME: nowhere, SSH_AUTH_SOCK: '/run/agent.sock' }, platform: 'linux' },
    );
    assert.equal(target.port, 22);
    assert.equal(target.knownHostsName, 'box.example');
    assert.equal(target.agentSocket, '/run/agent.sock');
    assert.deepEqual(target.knownHostsFiles, [
      `${nowhere}/.ssh/known_hosts`,
      `${nowhere}/.ssh/known_hosts2`,
      '/etc/ssh/ssh_known_hosts',
      '/etc/ssh/ssh_known_hosts2',
    ]);
    assert.ok(target.identityFiles.includes(`${nowhere}/.ssh/id_ed25519`));
    assert.equal(target.identityFilesConfigured, false);
  });

  void test('without ConnectTimeout or ServerAliveInterval: 20 s for the handshake, a check every 30 s, 3 missed end it', () => {
    const target = resolveSshTarget({ hostname: 'box' }, { env: { HOME: nowhere }, platform: 'linux' });
    assert.deepEqual(target.connectTimeout, { ms: 20_000 });
    assert.deepEqual(target.keepalive, { intervalMs: 30_000, countMax: 3 });
  });

  void test("on Windows, Win32-OpenSSH's agent pipe and its ProgramData folder, as its ssh uses them", () => {
    const target = resolveSshTarget(
      { hostname: 'box', port: 2222 },
      { env: { HOME: nowhere, PROGRAMDATA: 'D:\\Data' }, platform: 'win32' },
    );
    assert.equal(target.agentSocket, windowsAgentPipe);
    assert.equal(target.knownHostsName, '[box]:2222');
    assert.ok(
      target.knownHostsFiles.some((f) => f.startsWith('D:\\Data\\ssh') && f.endsWith('ssh_known_hosts')),
    );
  });
});

void describe('ProxyCommand routes', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'berth-ssh-config-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const target = (host: string, config: string) => {
    const file = path.join(dir, `config-${host}`);
    fs.writeFileSync(file, config);
    return resolveSshTarget(
      { hostname: host },
      { env: { HOME: dir }, platform: 'linux', configFiles: [{ file, includeBase: dir }] },
    );
  };

  void test('ConnectTimeout and ServerAlive* reach each hop; 0 keeps Berth’s own, said in the notes', () => {
    const t = target(
      'engine',
      'Host engine\n  ConnectTimeout 7\n  ServerAliveInterval 0\n  ServerAliveCountMax 2\n  ProxyJump gate\nHost gate\n  ConnectTimeout 0\n  ServerAliveInterval 1m\n',
    );
    const file = path.join(dir, 'config-engine');
    assert.deepEqual(t.connectTimeout, { ms: 7000, at: { file, line: 2 } });
    assert.deepEqual(t.keepalive, { intervalMs: 30_000, countMax: 2 });
    assert.deepEqual(t.jumps[0].connectTimeout, { ms: 20_000 });
    assert.deepEqual(t.jumps[0].keepalive, { intervalMs: 60_000, countMax: 3 });
    assert.deepEqual(t.notes, [
      `${file} line 3: ServerAliveInterval 0: Berth checks the connection every 30 s`,
      `${file} line 7: ConnectTimeout 0: Berth waits its own 20 s`,
    ]);
  });

  void test('a program with its arguments: run by Berth, its line kept for messages', () => {
    const t = target(
      'box',
      'Host box\n  HostName i-0abc\n  User ec2-user\n  ProxyCommand = aws ssm start-session --target %h --parameters "portNumber=%p"\n',
    );
    assert.equal(t.proxy, undefined);
    assert.deepEqual(t.proxyCommand?.argv, [
      'aws',
      'ssm',
      'start-session',
      '--target',
      'i-0abc',
      '--parameters',
      'portNumber=22',
    ]);
    assert.equal(t.proxyCommand?.line, 'aws ssm start-session --target %h --parameters "portNumber=%p"');
    assert.deepEqual(t.proxyCommand?.at, { file: path.join(dir, 'config-box'), line: 4 });
  });

  void test('a line only a shell can run is refused with the reason', () => {
    const t = target('piped', 'Host piped\n  ProxyCommand nc %h %p | cat\n');
    assert.equal(t.proxyCommand, undefined);
    assert.equal(t.proxy?.keyword, 'ProxyCommand');
    assert.match(t.proxy?.reason ?? '', /pipe/);
  });

  void test('a ProxyCommand only on the first host of a ProxyJump route', () => {
    const config = [
      'Host first',
      '  ProxyCommand nc %h %p',
      'Host second',
      '  ProxyCommand nc %h %p',
      'Host target',
      '  ProxyJump first,second',
      '',
    ].join('\n');
    const t = target('target', config);
    assert.equal(t.proxy?.keyword, 'ProxyCommand');
    assert.match(t.proxy?.reason ?? '', /jump host after the first/);
    const ok = target(
      'target2',
      config.replace('Host target', 'Host target2').replace('first,second', 'first'),
    );
    assert.equal(ok.proxy, undefined);
    assert.deepEqual(ok.jumps[0].proxyCommand?.argv, ['nc', 'first', '22']);
  });
});
