import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { type Message, message } from '@tm/shared/messages/messages';

/**
 * Which addresses a webhook may be delivered to. Only public unicast addresses, unless an admin allowed a private,
 * loopback or link-local network: otherwise a subscription would let any editor make this server call into the
 * network it runs in (SSRF). Plain http is only for such an allowed network; the public internet gets https.
 */
export type AddressPolicy = {
  /** May a delivery connect to this address at all? */
  allows(address: string): boolean;
  /** Is this address in a private network an admin allowed (where plain http is fine too)? */
  allowedPrivate(address: string): boolean;
};

type Network = { network: ipaddr.IPv4 | ipaddr.IPv6; bits: number };

/** A network in CIDR notation, or undefined when it is not one. */
function parseNetwork(cidr: string): Network | undefined {
  try {
    const [network, bits] = ipaddr.parseCIDR(cidr);
    return { network, bits };
  } catch {
    return undefined;
  }
}

export function addressPolicy(allowedNetworks: readonly string[]): AddressPolicy {
  const networks = allowedNetworks.flatMap((cidr) => parseNetwork(cidr) ?? []);
  const allowedPrivate = (address: string) => {
    if (!ipaddr.isValid(address)) return false;
    const ip = ipaddr.process(address);
    return networks.some(({ network, bits }) => ip.kind() === network.kind() && ip.match(network, bits));
  };
  return {
    allowedPrivate,
    allows: (address) => (ipaddr.isValid(address) && ipaddr.process(address).range() === 'unicast') || allowedPrivate(address),
  };
}

export type Resolve = (hostname: string) => Promise<string[]>;

export const resolveAll: Resolve = async (hostname) => (await dnsLookup(hostname, { all: true })).map((a) => a.address);

/** The URL's host without the brackets of an IPv6 literal. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

/** Why a subscription may not use this URL, or undefined when it may. */
export async function urlProblem(url: URL, policy: AddressPolicy, resolve: Resolve = resolveAll): Promise<Message | undefined> {
  const host = hostOf(url);
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await resolve(host);
  } catch {
    return message('subscriptions.hostUnresolved', { host });
  }
  const refused = addresses.find((a) => !policy.allows(a));
  if (refused) return message('subscriptions.privateAddress', { address: refused });
  if (url.protocol === 'http:' && !addresses.every((a) => policy.allowedPrivate(a)))
    return message('subscriptions.httpsRequired');
  return undefined;
}
