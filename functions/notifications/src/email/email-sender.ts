/** An email as the function sends it: one Simple message with an HTML and a text part. */
export interface OutgoingEmail {
  readonly to: string;
  readonly subject: string;
  readonly html: string;
  readonly text: string;
}

/**
 * Sends one email. Resolves with the provider's message id once the provider has
 * accepted the message; provider errors (throttling, rejection) are thrown untouched.
 */
export interface EmailSender {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}
