import escapeHtml from 'escape-html';
import type { NotificationMessage } from '@arka/messaging';

export interface EmailContent {
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

const DEFAULT_SUBJECT = 'Notificación';

/** Line breaks would let a subject spill into other headers; they become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').trim();
}

/**
 * Renders a notification email. Every user-supplied text (subject, message, service)
 * is HTML-escaped, so markup or a link in, say, a supplier name arrives as text; the
 * plain-text part says the same.
 */
export function renderEmail(
  message: Pick<NotificationMessage, 'subject' | 'message' | 'service'>,
): EmailContent {
  const title = oneLine(message.subject ?? '') || DEFAULT_SUBJECT;
  const subject = `[Arka] ${title}`;
  const paragraphs = message.message
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const htmlParagraphs = paragraphs
    .map((p) => `<p>${escapeHtml(p).replace(/\r?\n/g, '<br>')}</p>`)
    .join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="es"><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif">',
    `<h1>${escapeHtml(title)}</h1>`,
    htmlParagraphs,
    `<p style="color: #666">Arka · ${escapeHtml(message.service)}</p>`,
    '</body></html>',
  ].join('\n');
  const text = [title, '', paragraphs.join('\n\n'), '', `Arka · ${message.service}`].join('\n');
  return { subject, html, text };
}
