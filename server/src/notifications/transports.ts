import nodemailer from 'nodemailer';

export type OutgoingEmail = {
  from: { name: string; address: string };
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Derived from the notification: a resend after a crash carries the same one. */
  messageId: string;
  headers: Record<string, string>;
  /** An invitation (RFC 5546): sent as a text/calendar part with its `method=` parameter. */
  calendar: { method: 'REQUEST' | 'CANCEL'; content: string } | null;
};

/** How a send failed: the address refused for good, this message refused for good, or try again later. */
export type SendFailure = { permanence: 'address' | 'message' | 'temporary'; reason: string };

export type Transport = {
  /** smtp: a real server (SMTP_URL); mailbox: the database is the mailbox, read at /admin/emails. */
  kind: 'smtp' | 'mailbox';
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
};

/** The embedded default: nothing leaves the machine, the rendered email kept in its row is the mailbox. */
export const mailboxTransport: Transport = { kind: 'mailbox', send: async () => {}, close: () => {} };

/** nodemailer over SMTP: `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…` (TLS). */
export function smtpTransport(url: string): Transport {
  // A few kept-open connections rather than one per email: a burst of a thousand does not knock a thousand times.
  const transporter = nodemailer.createTransport({ url, pool: true, maxConnections: 5 });
  transporter.set('connectionTimeout', 15_000);
  transporter.set('greetingTimeout', 15_000);
  transporter.set('socketTimeout', 30_000);
  return {
    kind: 'smtp',
    async send(email) {
      await transporter.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        messageId: email.messageId,
        headers: email.headers,
        icalEvent: email.calendar
          ? { method: email.calendar.method, filename: 'invitation.ics', content: email.calendar.content }
          : undefined,
      });
    },
    close: () => transporter.close(),
  };
}

/**
 * The address is refused for good only when the server says the mailbox does not exist (550,
 * 551, 553 to RCPT TO, and no policy status 5.7.x such as « relay access denied », which is our
 * configuration's fault, not the address's): then it is marked undeliverable. Another 5xx refuses
 * this message for good. Anything else — a 4xx, a closed port, a timeout, a bad login — is
 * retried: it is the server's state, not the address.
 */
export function classifyFailure(error: unknown): SendFailure {
  const details = error as {
    responseCode?: number;
    command?: string;
    code?: string;
    response?: string;
    message?: string;
  };
  const reason = (details.response ?? details.message ?? String(error)).slice(0, 500);
  const code = details.responseCode ?? 0;
  if (code < 500 || code >= 600 || details.code === 'EAUTH') return { permanence: 'temporary', reason };
  const atRecipient = details.command === 'RCPT TO' || details.code === 'EENVELOPE';
  const noSuchMailbox = [550, 551, 553].includes(code) && !/\b5\.7\.\d+\b/.test(reason);
  return { permanence: atRecipient && noSuchMailbox ? 'address' : 'message', reason };
}
