/**
 * A real SMTP server in the test process (the smtp-server package), so that mails go through nodemailer and the
 * SMTP protocol as in production, never through a stubbed transport. It can be stopped and started again on the
 * same port, to see mails wait for it.
 */
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freePort } from './server-process.ts';

export type ReceivedMail = { from: string | undefined; to: string[]; subject: string; text: string; language: string | undefined };

export type TestSmtp = {
  url: string;
  port: number;
  mails: ReceivedMail[];
  start(): Promise<void>;
  stop(): Promise<void>;
};

/**
 * `acceptAfterMs` makes the server think a while before it accepts each mail; a mail whose sender went away in the
 * meantime is not accepted (and not counted), as a mail server that never said "250 OK" did not take it.
 */
export async function startTestSmtp({ port, acceptAfterMs = 0 }: { port?: number; acceptAfterMs?: number } = {}): Promise<TestSmtp> {
  const chosen = port ?? (await freePort());
  const gone = new Set<string>();
  const mails: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  const smtp: TestSmtp = {
    url: `smtp://127.0.0.1:${chosen}`,
    port: chosen,
    mails,
    async start() {
      server = new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS'],
        logger: false,
        onClose(session) {
          gone.add(session.id);
        },
        onData(stream, session, callback) {
          simpleParser(stream).then(
            async (parsed) => {
              if (acceptAfterMs > 0) await new Promise((r) => setTimeout(r, acceptAfterMs));
              if (gone.has(session.id)) return callback(new Error('the sender went away'));
              const to = (Array.isArray(parsed.to) ? parsed.to : parsed.to ? [parsed.to] : []).flatMap((a) => a.value.map((v) => v.address ?? ''));
              mails.push({ from: parsed.from?.value[0]?.address, to, subject: parsed.subject ?? '', text: parsed.text ?? '', language: parsed.headers.get('content-language') as string | undefined });
              callback();
            },
            (error: Error) => callback(error),
          );
        },
      });
      await new Promise<void>((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(chosen, '127.0.0.1', () => resolve());
      });
    },
    async stop() {
      const closing = server;
      server = undefined;
      if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
  };
  await smtp.start();
  return smtp;
}
