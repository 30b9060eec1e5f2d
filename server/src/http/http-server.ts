import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import { API_VERSION } from './api-version.ts';

const CLIENT_ERRORS: Record<string, { status: number; title: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, title: 'Request header fields too large', detail: 'The request line and headers together exceed 16 KB' },
  HPE_URI_TOO_LONG: { status: 414, title: 'URI too long', detail: 'The request URI is too long' },
};
const BAD_REQUEST = { status: 400, title: 'Bad request', detail: 'The request could not be parsed as HTTP' };

/**
 * The HTTP server for the app. Requests that Node refuses before Express sees them (oversized headers, broken
 * HTTP) still get a problem document rather than a bare status line.
 */
export function createHttpServer(app: Express): Server {
  const server = createServer({ maxHeaderSize: 16 * 1024 }, app);
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (error.code === 'ECONNRESET')) {
      socket.destroy();
      return;
    }
    const problem = CLIENT_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
    const body = JSON.stringify({ type: 'about:blank', ...problem });
    socket.end(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `API-Version: ${API_VERSION}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
  return server;
}
