import { describe, expect, it } from 'vitest';
import { parseNotificationBody } from '../src/domain/incoming-message';
import { MessageRejectedError } from '../src/domain/rejection';
import { notification, snsEnvelope } from './helpers/events';

function rejectionOf(body: string): MessageRejectedError {
  try {
    parseNotificationBody(body);
  } catch (error) {
    if (error instanceof MessageRejectedError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

const PUSH_ARN =
  'arn:aws:sns:us-east-1:123456789012:endpoint/GCM/arka-android/5c4b1d2e-0f3a-4b5c-9d8e-7f6a5b4c3d2e';

describe('parseNotificationBody', () => {
  it('reads raw delivery', () => {
    const message = notification();

    expect(parseNotificationBody(JSON.stringify(message))).toEqual(message);
  });

  it('reads an SNS envelope', () => {
    const message = notification({ type: 'sms', recipient: '+573001234567' });

    expect(parseNotificationBody(snsEnvelope(message))).toEqual(message);
  });

  it.each([
    ['a body that is not JSON', '{"id": ', 'BODY_NOT_JSON'],
    ['an envelope whose Message is not JSON', snsEnvelope('not json'), 'ENVELOPE_MESSAGE_NOT_JSON'],
    ['a missing id', JSON.stringify({ ...notification(), id: undefined }), 'INVALID_MESSAGE'],
    ['a missing type', JSON.stringify({ ...notification(), type: undefined }), 'INVALID_MESSAGE'],
    ['a missing recipient', JSON.stringify({ ...notification(), recipient: undefined }), 'INVALID_MESSAGE'],
    ['a missing message', JSON.stringify({ ...notification(), message: undefined }), 'INVALID_MESSAGE'],
    ['an unknown type', JSON.stringify({ ...notification(), type: 'fax' }), 'INVALID_MESSAGE'],
    ['a JSON array', '[1,2]', 'INVALID_MESSAGE'],
    [
      'an email recipient that is not an address',
      JSON.stringify(notification({ recipient: 'compras' })),
      'INVALID_EMAIL_RECIPIENT',
    ],
    [
      'an SMS recipient that is not E.164',
      JSON.stringify(notification({ type: 'sms', recipient: '3001234567' })),
      'INVALID_SMS_RECIPIENT',
    ],
    [
      'an SMS recipient too long for E.164',
      JSON.stringify(notification({ type: 'sms', recipient: '+5730012345678901' })),
      'INVALID_SMS_RECIPIENT',
    ],
    [
      'a push recipient that is not an endpoint ARN',
      JSON.stringify(notification({ type: 'push', recipient: 'device-token-123' })),
      'INVALID_PUSH_RECIPIENT',
    ],
    [
      'a push recipient that is a topic ARN',
      JSON.stringify(
        notification({ type: 'push', recipient: 'arn:aws:sns:us-east-1:123456789012:arka-notificaciones' }),
      ),
      'INVALID_PUSH_RECIPIENT',
    ],
  ])('rejects %s', (_name, body, code) => {
    expect(rejectionOf(body).code).toBe(code);
  });

  it('names the missing fields in the reason', () => {
    const { id: _id, recipient: _recipient, ...rest } = notification();

    expect(rejectionOf(JSON.stringify(rest)).message).toMatch(/id:.*recipient:/);
  });

  it('accepts a push recipient that is a platform endpoint ARN', () => {
    const message = notification({ type: 'push', recipient: PUSH_ARN });

    expect(parseNotificationBody(JSON.stringify(message)).recipient).toBe(PUSH_ARN);
  });
});
