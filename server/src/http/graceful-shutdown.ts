import type { Server } from 'node:http';
import type { Logger } from './request-log.ts';

/**
 * Stops taking connections and lets the requests in flight finish; the caller then closes the database pool. Idle keep-alive
 * connections are closed at once (they would hold the server open); whatever is still running after the grace
 * period is cut off, so an orchestrator's stop never waits forever.
 */
export async function shutDownGracefully(server: Server, logger: Logger, graceMs = 10_000): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const deadline = setTimeout(() => {
    logger.warn({ graceMs }, 'requests still running after the grace period: closing their connections');
    server.closeAllConnections();
  }, graceMs);
  deadline.unref();
  await closed;
  clearTimeout(deadline);
}
