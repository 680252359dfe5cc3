/**
 * Sends one SMS (already fitted into one segment). Resolves with the provider's
 * message id once accepted; provider errors are thrown untouched.
 */
export interface SmsSender {
  send(sms: { readonly to: string; readonly text: string }): Promise<{ messageId: string }>;
}
