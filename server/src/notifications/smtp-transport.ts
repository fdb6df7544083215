import nodemailer from 'nodemailer';
import type { MailTransport } from './mail-sender';

/**
 * Timeouts of one SMTP exchange, well under the outbox lease (LEASE_MS in notifier.ts): a send
 * never outlives the lease it runs under, so no other server takes the mail over meanwhile.
 */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 };

/**
 * Nodemailer's SMTP transport on `url` (`smtp://` with STARTTLS when offered, `smtps://` TLS
 * from the start; credentials in the URL), one connection per message, sending from `from`.
 */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...TIMEOUTS });
  return {
    async send(m) {
      await transporter.sendMail({
        from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: { 'Content-Language': m.lang, 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transporter.close(),
  };
}
