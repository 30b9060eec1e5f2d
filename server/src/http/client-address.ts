import type { Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';

/**
 * The address a limit per client counts against: the real client's, as far as `TRUST_PROXY` lets us see it
 * through the proxies in front. An IPv6 client counts by its /64, the block one subscriber gets, so it cannot
 * dodge a limit by changing the last bits of its address.
 */
export function clientAddress(req: Request): string {
  return req.ip ? ipKeyGenerator(req.ip, 64) : 'unknown';
}
