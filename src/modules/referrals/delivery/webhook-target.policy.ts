import { BlockList, isIP } from 'node:net';

/**
 * Where a partner's webhook may point. A webhook URL is typed by an administrator and fetched by
 * the workers inside our network, so it must never reach loopback, private, link-local (cloud
 * metadata at 169.254.169.254) or other non-public addresses, unless the host is named in
 * PARTNER_WEBHOOK_ALLOW_HOSTS (a partner's test receiver on this machine).
 */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is on the public internet (IPv4-mapped IPv6 judged as its IPv4). */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const family = isIP(bare);
  if (family === 0) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped?.[1]) return !internal.check(mapped[1], 'ipv4');
  if (family === 6 && /^::ffff:/i.test(bare)) return false;
  return !internal.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

/** The host names (lower case) allowed to be internal and plain http. */
export function parseAllowHosts(list: readonly string[]): ReadonlySet<string> {
  return new Set(list.map((h) => h.trim().toLowerCase()).filter(Boolean));
}

export type TWebhookTargetProblem = 'invalid_url' | 'scheme' | 'credentials' | 'address_refused';

/** The URL's host as compared: lower case, IPv6 without its brackets. */
export function hostOf(url: URL): string {
  return url.hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/**
 * What is wrong with a webhook URL before any DNS lookup (at save time and again before each
 * delivery); the addresses a name resolves to are checked when the connection is made.
 */
export function webhookTargetProblem(
  raw: string,
  allowHosts: ReadonlySet<string>,
): TWebhookTargetProblem | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid_url';
  }
  const host = hostOf(url);
  const allowed = allowHosts.has(host);
  if (url.username || url.password) return 'credentials';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed)) return 'scheme';
  if (allowed) return null;
  if (isIP(host) !== 0) return isPublicAddress(host) ? null : 'address_refused';
  if (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.'))
    return 'address_refused';
  return null;
}
