/**
 * Fits an SMS into one segment (3GPP TS 23.038): 160 septets when every character is
 * in the GSM-7 default alphabet (characters of the extension table take two), else
 * 70 UTF-16 code units in UCS-2. Text is cut on grapheme boundaries, so a surrogate
 * pair or an emoji sequence is never split, and an ellipsis is added only when it
 * was cut. A GSM-7 text is cut with "..." because "…" is not GSM-7 and would force
 * UCS-2, halving the room.
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '\f^{}\\[~]|€';

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

export const SMS_PREFIX = 'Arka: ';
export const GSM7_SEGMENT = 160;
export const UCS2_SEGMENT = 70;
const GSM7_ELLIPSIS = '...';
const UCS2_ELLIPSIS = '…';

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface FittedSms {
  readonly text: string;
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2). */
  readonly length: number;
  readonly cut: boolean;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Septets a grapheme takes in GSM-7, or undefined when it is not GSM-7. */
function septets(grapheme: string): number | undefined {
  let total = 0;
  for (const ch of grapheme) {
    if (basic.has(ch)) total += 1;
    else if (extension.has(ch)) total += 2;
    else return undefined;
  }
  return total;
}

function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The longest prefix of `parts` whose size fits `room`, as its grapheme count. */
function prefixFitting(
  parts: readonly string[],
  size: (g: string) => number | undefined,
  room: number,
): number {
  let used = 0;
  let count = 0;
  for (const part of parts) {
    const n = size(part);
    if (n === undefined || used + n > room) break;
    used += n;
    count += 1;
  }
  return count;
}

function cutText(parts: readonly string[], count: number, ellipsis: string): string {
  return parts.slice(0, count).join('').trimEnd() + ellipsis;
}

/** The encoding a text needs and its length in that encoding's units. */
export function measureSms(text: string): { encoding: SmsEncoding; length: number } {
  let total = 0;
  for (const part of graphemes(text)) {
    const n = septets(part);
    if (n === undefined) return { encoding: 'UCS-2', length: text.length };
    total += n;
  }
  return { encoding: 'GSM-7', length: total };
}

/** `Arka: ` + message, fitted into one SMS segment. */
export function fitSms(message: string): FittedSms {
  const text = SMS_PREFIX + message;
  const whole = measureSms(text);
  const limit = whole.encoding === 'GSM-7' ? GSM7_SEGMENT : UCS2_SEGMENT;
  if (whole.length <= limit) return { text, ...whole, cut: false };
  // Cut: keep whichever encoding carries more of the text. A text whose first
  // non-GSM character lies beyond the GSM-7 cut stays GSM-7.
  const parts = graphemes(text);
  const gsmCount = prefixFitting(parts, septets, GSM7_SEGMENT - GSM7_ELLIPSIS.length);
  const ucsCount = prefixFitting(parts, (g) => g.length, UCS2_SEGMENT - UCS2_ELLIPSIS.length);
  const cut =
    gsmCount >= ucsCount ? cutText(parts, gsmCount, GSM7_ELLIPSIS) : cutText(parts, ucsCount, UCS2_ELLIPSIS);
  return { text: cut, ...measureSms(cut), cut: true };
}
