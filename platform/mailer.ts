// Outgoing e-mail through nodemailer: SMTP_URL, or the local mail catcher; and which of its
// failures no retry can mend.
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The same content as HTML; the e-mail is then multipart/alternative. */
  html?: string;
  /** Derived from the notification's idempotency key, so a receiver can drop a resend. */
  messageId: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export function createMailer(smtpUrl: string, from: string): Mailer {
  const url = new URL(smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 25)),
    secure: url.protocol === 'smtps:',
    ignoreTLS: url.protocol === 'smtp:' && ['127.0.0.1', 'localhost'].includes(url.hostname),
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

/** The nodemailer error codes of a refusal of this message (its envelope or its content). */
const MESSAGE_REFUSED = new Set(['EENVELOPE', 'EMESSAGE']);

/**
 * Why sending failed for good, or undefined when a retry may succeed. Permanent: a 5xx reply to
 * the message's envelope or data (RFC 5321 §4.2.1: the client should not repeat the request), or
 * an address or message nodemailer will not send. Temporary: a 4xx, a refused or broken
 * connection, a timeout, and a 5xx to the login or the greeting, which is about the relay or its
 * settings rather than this message: failing it would fail every notification until they are fixed.
 */
export function permanentRefusal(error: unknown): string | undefined {
  const { code, responseCode, response, message } = (error ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  if (typeof code !== 'string' || !MESSAGE_REFUSED.has(code)) return undefined;
  if (typeof responseCode === 'number') {
    return responseCode >= 500 && responseCode < 600 ? `SMTP ${responseCode}: ${typeof response === 'string' ? response : String(message)}` : undefined;
  }
  // No reply at all: nodemailer refused the address or the message (its size) before sending it.
  return String(message);
}
