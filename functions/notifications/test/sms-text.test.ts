import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitSms, measureSms } from '../src/domain/sms-text';

const a = (n: number) => 'a'.repeat(n);
const EMOJI = '😀'; // one code point, a surrogate pair in UTF-16
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const FAMILY = '👨‍👩‍👧'; // one grapheme of five code points, 8 UTF-16 units

describe('fitSms', () => {
  it.each([
    // name, message, expected text, encoding, length, cut
    ['a GSM-7 text of exactly 160 septets is kept whole', a(154), `Arka: ${a(154)}`, 'GSM-7', 160, false],
    ['a GSM-7 text of 161 septets is cut to 157 + "..."', a(155), `Arka: ${a(151)}...`, 'GSM-7', 160, true],
    ['í needs UCS-2', 'Mañana envíe', 'Arka: Mañana envíe', 'UCS-2', 18, false],
    [
      'ñ, é, ü, ¿ and ¡ stay GSM-7 without other accents',
      '¿Mañana? ¡Ya! café pingüino',
      'Arka: ¿Mañana? ¡Ya! café pingüino',
      'GSM-7',
      33,
      false,
    ],
    ['€ takes two septets: 160 exactly', '€'.repeat(77), `Arka: ${'€'.repeat(77)}`, 'GSM-7', 160, false],
    ['€ takes two septets: 162 is cut', '€'.repeat(78), `Arka: ${'€'.repeat(75)}...`, 'GSM-7', 159, true],
    ['a UCS-2 text of exactly 70 units is kept whole', `á${a(63)}`, `Arka: á${a(63)}`, 'UCS-2', 70, false],
    ['a UCS-2 text of 71 units is cut to 69 + "…"', `á${a(64)}`, `Arka: á${a(62)}…`, 'UCS-2', 70, true],
    ['32 emoji fill 70 units exactly', EMOJI.repeat(32), `Arka: ${EMOJI.repeat(32)}`, 'UCS-2', 70, false],
    ['33 emoji are cut between pairs', EMOJI.repeat(33), `Arka: ${EMOJI.repeat(31)}…`, 'UCS-2', 69, true],
    [
      'a pair that would straddle the limit is left out whole',
      `ab${EMOJI.repeat(40)}`,
      `Arka: ab${EMOJI.repeat(30)}…`,
      'UCS-2',
      69,
      true,
    ],
    ['an emoji sequence is never split', `á${a(56)}${FAMILY}`, `Arka: á${a(56)}…`, 'UCS-2', 64, true],
    ['at equal reach the GSM-7 cut wins', `${a(58)}${FAMILY}`, `Arka: ${a(58)}...`, 'GSM-7', 67, true],
    [
      'a non-GSM character beyond the GSM-7 cut keeps GSM-7',
      `${a(200)}á`,
      `Arka: ${a(151)}...`,
      'GSM-7',
      160,
      true,
    ],
    [
      'spaces before the ellipsis are dropped',
      `${a(150)}      tail`,
      `Arka: ${a(150)}...`,
      'GSM-7',
      159,
      true,
    ],
  ])('%s', (_name, message, text, encoding, length, cut) => {
    const fitted = fitSms(message);

    expect(fitted).toEqual({ text, encoding, length, cut });
  });

  it('cuts a long Spanish text with accents to 70 UCS-2 units', () => {
    const message =
      'La cotización COT-2026-0042 por 1.250,00 € fue aprobada. Revise la información de entrega en el portal.';

    const fitted = fitSms(message);

    expect(fitted.encoding).toBe('UCS-2');
    expect(fitted.text).toHaveLength(70);
    expect(fitted.text.startsWith('Arka: La cotización COT-2026-0042')).toBe(true);
    expect(fitted.text.endsWith('…')).toBe(true);
  });

  it('always fits one segment, never splits a pair, and cuts only what is too long', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', ' ', 'ñ', 'á', 'é', '€', '{', EMOJI, FAMILY, '\n'),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 120 }), (message) => {
        const whole = measureSms(`Arka: ${message}`);
        const fits = whole.length <= (whole.encoding === 'GSM-7' ? 160 : 70);

        const fitted = fitSms(message);

        expect(fitted.length).toBeLessThanOrEqual(fitted.encoding === 'GSM-7' ? 160 : 70);
        expect(fitted.text).not.toMatch(LONE_SURROGATE);
        expect(fitted.cut).toBe(!fits);
        if (fits) expect(fitted.text).toBe(`Arka: ${message}`);
      }),
    );
  });
});
