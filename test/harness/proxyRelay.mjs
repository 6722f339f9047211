// A ProxyCommand for tests, as `nc HOST PORT` is one: connects to the host and port it is given
// and carries its standard input and output. It writes `started HOST PORT` and, as it ends,
// `ended` to the file named third, so a test sees that the login went through it and that it
// stopped with the session. With `--fail` it only writes to standard error and exits with 3.
import { appendFileSync } from 'node:fs';
import { connect } from 'node:net';

const [host, port, record, mode] = process.argv.slice(2);
if (mode === '--fail') {
  process.stderr.write(`berth-test proxy: no route to ${host}\n`);
  process.exit(3);
}
appendFileSync(record, `started ${host} ${port}\n`);
const socket = connect(Number(port), host);
const end = (code) => {
  appendFileSync(record, 'ended\n');
  process.exit(code);
};
process.stdin.pipe(socket);
socket.pipe(process.stdout);
socket.on('error', (error) => {
  process.stderr.write(`${error.message}\n`);
  end(1);
});
socket.on('close', () => end(0));
process.stdin.on('end', () => socket.end());
process.on('SIGTERM', () => end(143));
