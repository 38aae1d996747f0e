// A real SMTP server on 127.0.0.1 that parses what it receives. It can refuse the next N messages
// or every message until told otherwise, with a temporary 451 ("try later", a busy relay) or a
// permanent reply such as 550 (the mailbox does not exist), and can answer slowly. Like a real relay it keeps a message only once it could confirm it (250): a
// sender that vanished before the answer has not sent it. The tests and the bench (arrival times of
// a burst) both use it.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export async function startSmtpReceiver(options: { delayMs?: number } = {}) {
  const received: ParsedMail[] = [];
  const arrivals = new Map<ParsedMail, number>();
  let refuseNext = 0;
  let refusing = false;
  let refusalCode = 451;
  let refused = 0;
  const closedSessions = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose(session) {
      closedSessions.add(session.id);
    },
    onData(stream, session, callback) {
      if (refusing || refuseNext > 0) {
        if (!refusing) refuseNext -= 1;
        refused += 1;
        stream.resume();
        const reply = refusalCode < 500 ? 'mailbox busy, try later' : 'mailbox unavailable';
        stream.on('end', () => callback(Object.assign(new Error(reply), { responseCode: refusalCode })));
        return;
      }
      simpleParser(stream).then(async (mail) => {
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
        if (closedSessions.has(session.id)) return;
        received.push(mail);
        arrivals.set(mail, Date.now());
        callback();
      }, callback);
    },
  });
  // A sender that dies mid-conversation resets its connection; that is the point of some tests.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** When the relay kept `mail` (epoch ms). */
    arrivedAt: (mail: ParsedMail) => arrivals.get(mail)!,
    /** How many messages were refused so far. */
    get refused() {
      return refused;
    },
    /** Refuses the next `count` messages with `code` (4xx temporary, 5xx permanent). */
    refuse(count: number, code = 451) {
      refuseNext = count;
      refusalCode = code;
    },
    /** Refuses every message with `code` until `accept()`. */
    refuseAll(code = 451) {
      refusing = true;
      refusalCode = code;
    },
    accept() {
      refusing = false;
      refuseNext = 0;
    },
    /** What reaches the mailbox: one message per Message-ID, as a relay that drops resends (e.g.
     * Exchange's duplicate delivery detection) delivers it. */
    mailbox(): ParsedMail[] {
      return [...new Map(received.map((mail) => [mail.messageId, mail])).values()];
    },
    /** Message-IDs received more than once: a resend the receiver can drop. */
    resentMessageIds(): string[] {
      const seen = new Set<string>();
      const resent = new Set<string>();
      for (const mail of received) {
        const id = mail.messageId ?? '';
        if (seen.has(id)) resent.add(id);
        seen.add(id);
      }
      return [...resent];
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpReceiver = Awaited<ReturnType<typeof startSmtpReceiver>>;
