export interface OutgoingPush {
  /** The SNS platform endpoint ARN of the device. */
  readonly endpointArn: string;
  readonly title: string;
  readonly body: string;
}

/** Sends one push notification; provider errors are thrown untouched. */
export interface PushSender {
  send(push: OutgoingPush): Promise<{ messageId: string }>;
}
