import type { TConfig } from '../../config/config';

export type TKeyring = {
  /** The key that encrypts new values. */
  current: { id: string; key: Buffer };
  /** Every key that may still decrypt stored values, by id. */
  byId: ReadonlyMap<string, Buffer>;
  hmacKey: Buffer;
};

/** Builds the keyring from ENCRYPTION_KEYS (`id:base64,…`, last one current) and HMAC_KEY. */
export function keyringFromConfig(config: Pick<TConfig, 'ENCRYPTION_KEYS' | 'HMAC_KEY'>): TKeyring {
  const entries = config.ENCRYPTION_KEYS.split(',').map((pair) => {
    const [id, b64] = pair.split(':') as [string, string];
    return [id, Buffer.from(b64, 'base64').subarray(0, 32)] as const;
  });
  const last = entries[entries.length - 1] as readonly [string, Buffer];
  return {
    current: { id: last[0], key: last[1] },
    byId: new Map(entries),
    hmacKey: Buffer.from(config.HMAC_KEY, 'base64'),
  };
}

const cache = new WeakMap<object, TKeyring>();

/** The keyring for a config object, built once (config objects are frozen and long-lived). */
export function keyringOf(config: Pick<TConfig, 'ENCRYPTION_KEYS' | 'HMAC_KEY'>): TKeyring {
  let ring = cache.get(config);
  if (!ring) {
    ring = keyringFromConfig(config);
    cache.set(config, ring);
  }
  return ring;
}
