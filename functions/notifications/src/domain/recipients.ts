import { z } from 'zod';

/** E.164: a plus, a non-zero country digit, at most 15 digits in all. */
const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * An SNS mobile platform endpoint ARN, e.g.
 * arn:aws:sns:us-east-1:123456789012:endpoint/GCM/arka-android/2f1c0e9a-…
 */
const ENDPOINT_ARN = /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:endpoint\/[A-Z_]+\/[\w.-]+\/[\w-]+$/;

const emailAddress = z.email();

export function isEmailAddress(value: string): boolean {
  return emailAddress.safeParse(value).success;
}

export function isE164(value: string): boolean {
  return E164.test(value);
}

export function isPushEndpointArn(value: string): boolean {
  return ENDPOINT_ARN.test(value);
}
