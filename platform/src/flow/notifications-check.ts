import { auditRecords, mailbox, type AuditRecord } from './mailbox';
import { waitFor } from './wait';

/** An email the flow caused, recognised by its recipient and a text its subject contains. */
export interface ExpectedEmail {
  readonly what: string;
  /** Undefined where the flow cannot know the address (a service's configured mailbox). */
  readonly to: string | undefined;
  readonly subjectIncludes: string;
}

export interface EmailCheck extends ExpectedEmail {
  /** How many emails in the mailbox match: 1 is right, 0 is lost, more is a duplicate. */
  readonly received: number;
  readonly subject: string | undefined;
  readonly audit: AuditRecord | undefined;
}

const matches = (e: ExpectedEmail, to: readonly string[], subject: string) =>
  subject.includes(e.subjectIncludes) && (e.to === undefined || to.includes(e.to));

/**
 * Waits (bounded) until every expected email is in the local SES mailbox and its
 * audit record is SENT, then reports each with how many copies arrived.
 */
export async function checkEmails(
  expected: readonly ExpectedEmail[],
  where: { sesUrl: string; dynaliteUrl: string; auditTable: string },
  timeoutMs: number,
): Promise<EmailCheck[]> {
  return waitFor(
    'every expected email in the mailbox and its audit record SENT',
    async () => {
      const [mail, audit] = await Promise.all([
        mailbox(where.sesUrl),
        auditRecords(where.dynaliteUrl, where.auditTable).catch(() => []),
      ]);
      const checks = expected.map((e): EmailCheck => {
        const copies = mail.filter((m) => matches(e, m.destination.to, m.subject));
        const record = audit.find(
          (r) =>
            r.type === 'email' &&
            (r.subject ?? '').includes(e.subjectIncludes) &&
            (e.to === undefined || r.recipient === e.to),
        );
        return { ...e, received: copies.length, subject: copies[0]?.subject, audit: record };
      });
      return checks.every((c) => c.received > 0 && c.audit?.status === 'SENT') ? checks : undefined;
    },
    { timeoutMs, intervalMs: 500 },
  );
}
