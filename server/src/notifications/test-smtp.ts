import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A received message, as mailparser reads it back. */
interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  language: string;
}

const toText = (m: ParsedMail) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : [])
    .flatMap((a) => a.value.map((v) => v.address ?? ''))
    .join(',');

/**
 * A real SMTP server on a free port of 127.0.0.1 (Nodemailer's smtp-server, no TLS, no
 * authentication) that keeps what it receives; `refuse(code)` makes it answer every message
 * with that SMTP error until `refuse(null)`; `stop()` closes it (a server that is down).
 */
export async function startSmtp(port = 0) {
  const received: Received[] = [];
  let refusal: number | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (m) => {
          if (refusal !== null) {
            const err = Object.assign(new Error('Service temporarily unavailable'), {
              responseCode: refusal,
            });
            return callback(err);
          }
          received.push({
            to: toText(m),
            subject: m.subject ?? '',
            text: m.text ?? '',
            html: typeof m.html === 'string' ? m.html : '',
            messageId: m.messageId ?? '',
            language: String(m.headers.get('content-language') ?? ''),
          });
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${address.port}`,
    port: address.port,
    received,
    refuse(code: number | null) {
      refusal = code;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type TestSmtp = Awaited<ReturnType<typeof startSmtp>>;
