import type { IncomingMessage } from 'node:http';
import { createHmac } from 'node:crypto';
import proxyAddr from '@fastify/proxy-addr';
import type { TConfig } from '../../config/config';
import type { TKeyring } from '../crypto/keyring';

type TTrust = (addr: string, i: number) => boolean;
const compiled = new WeakMap<object, TTrust>();

/**
 * The visitor's address as the HTTP routes see it: X-Forwarded-For counts only through a configured
 * proxy (TRUSTED_PROXIES), so a visitor cannot pick the address its limits and blocks key on.
 */
export function visitorAddress(req: IncomingMessage, config: Pick<TConfig, 'TRUSTED_PROXIES'>) {
  let trust = compiled.get(config);
  if (!trust) {
    trust = config.TRUSTED_PROXIES.length
      ? proxyAddr.compile([...config.TRUSTED_PROXIES])
      : () => false;
    compiled.set(config, trust);
  }
  return proxyAddr(req, trust);
}

/**
 * A web visitor has no number: the keyed hash of the address is what limits and blocks hold, so
 * the address itself is never written anywhere. Domain-separated from phone hashes.
 */
export function visitorHash(keyring: TKeyring, address: string): string {
  return createHmac('sha256', keyring.hmacKey)
    .update(`webchat-address\u0000${address}`)
    .digest('base64url');
}
