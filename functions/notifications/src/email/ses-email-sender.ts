import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { EmailSender, OutgoingEmail } from './email-sender';

/** SES v2 SendEmail with Simple content (Subject, Html, Text), all UTF-8. */
export class SesEmailSender implements EmailSender {
  constructor(
    private readonly client: SESv2Client,
    private readonly fromAddress: string,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.fromAddress,
        Destination: { ToAddresses: [email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: {
              Html: { Data: email.html, Charset: 'UTF-8' },
              Text: { Data: email.text, Charset: 'UTF-8' },
            },
          },
        },
      }),
    );
    if (result.MessageId === undefined) throw new Error('SES accepted the email but returned no MessageId');
    return { messageId: result.MessageId };
  }
}
