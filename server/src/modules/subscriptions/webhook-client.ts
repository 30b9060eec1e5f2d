import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { type AddressPolicy, hostOf } from './address-policy.ts';

export type Outcome =
  | { ok: true; status: number }
  | { ok: false; status: number | null; error: string; retryAfterMs?: number; gone?: boolean };

class RefusedAddress extends Error {}

/** Whether a delivery may connect to `address` over `protocol`, checked again for every connection (DNS may change). */
function refusal(policy: AddressPolicy, protocol: string, address: string): string | undefined {
  if (!policy.allows(address)) return `Refused: ${address} is a private, loopback or link-local address that no admin allowed`;
  if (protocol === 'http:' && !policy.allowedPrivate(address)) return `Refused: plain http to ${address}, which is not in an allowed private network`;
  return undefined;
}

/** Name resolution that refuses what the policy refuses, so a host name cannot be turned against the local network. */
function guardedLookup(policy: AddressPolicy, protocol: string): LookupFunction {
  return (hostname, options, callback) =>
    dnsLookup(hostname, options, (error, address, family) => {
      if (error) return callback(error, address, family);
      const all: LookupAddress[] = Array.isArray(address) ? address : [{ address, family: family ?? 4 }];
      const refused = all.map((a) => refusal(policy, protocol, a.address)).find((r) => r !== undefined);
      if (refused) return callback(new RefusedAddress(refused), address, family);
      callback(null, address, family);
    });
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

function describe(error: Error & { code?: string }, timeoutMs: number): string {
  if (error instanceof RefusedAddress) return error.message;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `No answer within ${timeoutMs / 1000} s`;
  if (error.code === 'ECONNREFUSED') return 'Connection refused';
  if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return 'Connection closed by the receiver';
  if (error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN') return 'The host name cannot be resolved';
  return error.code ? `${error.code}: ${error.message}` : error.message;
}

/**
 * POSTs one webhook. Any 2xx is a delivery; redirects are not followed (a receiver that moved says so by a new
 * subscription, not by sending events elsewhere); everything else is a failure to retry, described for the log.
 */
export function post(url: string, body: string, headers: Record<string, string>, options: { timeoutMs: number; policy: AddressPolicy }): Promise<Outcome> {
  const target = new URL(url);
  const host = hostOf(target);
  // Node connects to an address literal without a lookup: check it here.
  const literal = isIP(host) ? refusal(options.policy, target.protocol, host) : undefined;
  if (literal) return Promise.resolve({ ok: false, status: null, error: literal });
  const request = target.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve) => {
    const req = request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.policy, target.protocol),
        signal: AbortSignal.timeout(options.timeoutMs),
        agent: false,
      },
      (res) => {
        const status = res.statusCode ?? 0;
        // The answer's body means nothing to us; read it to the end so the exchange completes.
        res.resume();
        res.once('error', (error) => resolve({ ok: false, status, error: describe(error, options.timeoutMs) }));
        res.once('end', () => {
          if (status >= 200 && status < 300) return resolve({ ok: true, status });
          const wait = status === 429 || status === 503 ? retryAfterMs(res.headers['retry-after']) : undefined;
          resolve({
            ok: false,
            status,
            error: status >= 300 && status < 400 ? `HTTP ${status}: redirects are not followed` : `HTTP ${status}`,
            ...(wait !== undefined ? { retryAfterMs: wait } : {}),
            ...(status === 410 ? { gone: true } : {}),
          });
        });
      },
    );
    req.once('error', (error) => resolve({ ok: false, status: null, error: describe(error, options.timeoutMs) }));
    req.end(body);
  });
}
