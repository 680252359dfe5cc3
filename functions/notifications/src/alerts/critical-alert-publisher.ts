/** What the critical-alerts topic receives for a `critical` notification. */
export interface CriticalAlert {
  readonly notificationId: string;
  readonly type: string;
  readonly subject: string | null;
  readonly message: string;
  readonly service: string;
  readonly occurredAt: string;
  readonly environment: string;
}

/** Publishes to the critical-alerts topic named in configuration. */
export interface CriticalAlertPublisher {
  publish(alert: CriticalAlert): Promise<{ messageId: string }>;
}
