// ssh-agent seen through a filter. ssh2 offers every key an agent lists, in the agent's order;
// ssh offers the IdentityFile keys first, and with IdentitiesOnly no other. ssh2 takes only
// agents of its own classes, so the class is made from the module the first ssh:// loaded.
import type * as Ssh2Module from 'ssh2';
import type {
  BaseAgent,
  IdentityCallback,
  ParsedKey,
  PublicKeyEntry,
  SignCallback,
  SigningRequestOptions,
} from 'ssh2';
import { firstKey, type MakeFilteredAgent } from './sshKeys';

type AgentKey = string | Buffer | ParsedKey | PublicKeyEntry | PublicKeyEntry['pubKey'];

export function filteredAgents(ssh2: typeof Ssh2Module): MakeFilteredAgent {
  const publicBlob = (key: AgentKey): Buffer | undefined => {
    if (typeof key === 'object' && 'pubKey' in key) return publicBlob(key.pubKey);
    const one = typeof key === 'object' && 'getPublicSSH' in key ? key : firstKey(ssh2.utils.parseKey(key));
    return one && !(one instanceof Error) ? one.getPublicSSH() : undefined;
  };
  class FilteredAgent extends ssh2.BaseAgent {
    constructor(
      private readonly inner: BaseAgent,
      private readonly keep: (blob: Buffer) => boolean,
    ) {
      super();
    }

    getIdentities(cb: IdentityCallback): void {
      this.inner.getIdentities((error, keys) => {
        if (error || !keys) return cb(error ?? new Error('the agent listed no keys'));
        cb(
          undefined,
          keys.filter((key) => {
            const blob = publicBlob(key);
            return blob !== undefined && this.keep(blob);
          }),
        );
      });
    }

    sign(
      pubKey: string | Buffer | ParsedKey,
      data: Buffer,
      options: SigningRequestOptions | SignCallback,
      cb?: SignCallback,
    ): void {
      if (typeof options === 'function') this.inner.sign(pubKey, data, options);
      else this.inner.sign(pubKey, data, options, cb);
    }
  }
  return (socket, keep) => new FilteredAgent(ssh2.createAgent(socket), keep);
}
