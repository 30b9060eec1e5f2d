import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import { DEFAULT_LANGUAGE } from '@tm/shared/messages/languages';
import { message, translate, type Message } from '@tm/shared/messages/messages';
import { API_VERSION } from './api-version.ts';
import { statusTitle } from './app-error.ts';

const CLIENT_ERRORS: Record<string, { status: number; detail: Message }> = {
  HPE_HEADER_OVERFLOW: { status: 431, detail: message('http.headersTooLarge') },
  HPE_URI_TOO_LONG: { status: 414, detail: message('http.uriTooLong') },
};
const BAD_REQUEST = { status: 400, detail: message('http.malformed') };

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
    const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
    // The request's headers were never read, so its language is unknown: the answer is in the default one.
    const body = JSON.stringify({
      type: 'about:blank',
      title: translate(DEFAULT_LANGUAGE, statusTitle(status)),
      status,
      code: detail.key,
      detail: translate(DEFAULT_LANGUAGE, detail),
    });
    socket.end(
      `HTTP/1.1 ${status} ${translate('en', statusTitle(status))}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Language: ${DEFAULT_LANGUAGE}\r\n` +
        `API-Version: ${API_VERSION}\r\n` +
        'X-Content-Type-Options: nosniff\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
  return server;
}
