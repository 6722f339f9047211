// ProxyCommand lines split into a program and its arguments as a shell would, tokens filled in,
// and refused, naming the shell feature, where only a shell could run them.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { proxyArgv, type ProxyTokens } from '../../../client/src/engine/transport/ssh/proxyCommand';

const tokens: ProxyTokens = {
  hostName: 'i-0abc.internal',
  originalHost: 'box',
  port: 2222,
  user: 'ann',
  localUser: 'me',
  home: '/home/me',
};

const argv = (line: string) => {
  const run = proxyArgv(line, tokens);
  assert.ok('argv' in run, `refused: ${'shellSyntax' in run ? run.shellSyntax : ''}`);
  return run.argv;
};

const refusal = (line: string) => {
  const run = proxyArgv(line, tokens);
  assert.ok('shellSyntax' in run, `ran: ${JSON.stringify(run)}`);
  return run.shellSyntax;
};

void describe('proxyArgv', () => {
  void test('the common proxies: words and tokens', () => {
    assert.deepEqual(argv('cloudflared access ssh --hostname %h'), [
      'cloudflared',
      'access',
      'ssh',
      '--hostname',
      'i-0abc.internal',
    ]);
    assert.deepEqual(argv('ssh -W %h:%p bastion'), ['ssh', '-W', 'i-0abc.internal:2222', 'bastion']);
    assert.deepEqual(argv('nc -X 5 -x proxy:1080 %h %p'), [
      'nc',
      '-X',
      '5',
      '-x',
      'proxy:1080',
      'i-0abc.internal',
      '2222',
    ]);
    assert.deepEqual(argv('tsh proxy ssh %r@%n:%p %%'), ['tsh', 'proxy', 'ssh', 'ann@box:2222', '%']);
  });

  void test('quotes group words, as the shell reads them', () => {
    assert.deepEqual(argv(`sh -c "aws ssm start-session --target %h --parameters 'portNumber=%p'"`), [
      'sh',
      '-c',
      "aws ssm start-session --target i-0abc.internal --parameters 'portNumber=2222'",
    ]);
    assert.deepEqual(argv(`'/opt/my proxy/bin' a\\ b "c\\"d" ''`), ['/opt/my proxy/bin', 'a b', 'c"d', '']);
    assert.deepEqual(argv('exec nc %h %p'), ['nc', 'i-0abc.internal', '2222'], 'exec only spares a shell');
  });

  void test('a leading ~/ is the home folder, a quoted one is not', () => {
    assert.deepEqual(argv('~/bin/proxy %h'), ['/home/me/bin/proxy', 'i-0abc.internal']);
    assert.deepEqual(argv("'~/bin/proxy'"), ['~/bin/proxy']);
    assert.deepEqual(argv('a~b'), ['a~b']);
  });

  void test('what only a shell does is refused, naming it', () => {
    assert.match(refusal('nc %h %p | tee log'), /pipe/);
    assert.match(refusal('nc $BASTION %p'), /variable/);
    assert.match(refusal('nc "$BASTION" %p'), /variable/);
    assert.match(refusal('proxy && true'), /&/);
    assert.match(refusal('proxy > log'), /redirection/);
    assert.match(refusal('proxy *.sock'), /wildcard/);
    assert.match(refusal('proxy `id`'), /command substitution/);
    assert.match(refusal('proxy "unclosed'), /unclosed quote/);
    assert.match(refusal('~other/bin/proxy'), /another user/);
    assert.match(refusal('proxy %C'), /token %C/);
    assert.match(refusal('   '), /no program/);
    assert.deepEqual(argv('proxy a#b'), ['proxy', 'a#b'], 'a # inside a word is no comment');
    assert.match(refusal('proxy #comment'), /comment/);
  });

  void test('a host name that is not one is never put into the command', () => {
    const run = proxyArgv('sh -c "nc %h %p"', { ...tokens, hostName: 'x;reboot' });
    assert.ok('shellSyntax' in run && /x;reboot/.test(run.shellSyntax), JSON.stringify(run));
  });
});
