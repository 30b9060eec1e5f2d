/**
 * A webhook receiver on the loopback interface that records what it is sent and answers as the test says: a status,
 * no answer at all (to time out), or a closed connection.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { headers: IncomingHttpHeaders; body: string };
/** A status at once or after a while, no answer at all (to time out), or a closed connection. */
export type Answer = number | { status: number; afterMs: number } | 'hang' | 'reset';

export type Receiver = {
  url: string;
  received: Received[];
  /** How the next request is answered; 204 by default. */
  answer: (request: Received) => Answer;
  close(): Promise<void>;
};

export async function startReceiver(path = '/hooks'): Promise<Receiver> {
  const receiver: Receiver = {
    url: '',
    received: [],
    answer: () => 204,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const request = { headers: req.headers, body };
      receiver.received.push(request);
      const answer = receiver.answer(request);
      if (answer === 'hang') return;
      if (answer === 'reset') return req.socket.destroy();
      if (typeof answer === 'number') return res.writeHead(answer).end();
      setTimeout(() => res.writeHead(answer.status).end(), answer.afterMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  return receiver;
}
