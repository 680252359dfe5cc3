/**
 * The queues and topics of the cloud design, in one place. The embedded broker
 * creates exactly these on start-up and the CDK app defines exactly these on AWS,
 * so the two can never drift apart.
 */

export const QUEUE_NAMES = {
  cotizaciones: 'arka-cotizaciones',
  solicitudes: 'arka-solicitudes',
  notificacionesProcessing: 'arka-notificaciones-processing',
} as const;

export const TOPIC_NAMES = {
  notificaciones: 'arka-notificaciones',
  criticalAlerts: 'arka-critical-alerts',
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];
export type TopicName = (typeof TOPIC_NAMES)[keyof typeof TOPIC_NAMES];

/** SNS filter policy, as JSON (MessageAttributes scope). */
export type FilterPolicy = Record<string, unknown>;

export interface QueueDefinition {
  readonly name: QueueName;
  readonly visibilityTimeoutSeconds: number;
  readonly maxReceiveCount: number;
  readonly retentionSeconds: number;
  readonly receiveWaitTimeSeconds: number;
  /** Name of its dead-letter queue (same retention, no redrive of its own). */
  readonly deadLetterQueueName: string;
}

export type Subscription =
  | {
      readonly protocol: 'sqs';
      readonly queue: QueueName;
      /** true: the queue receives the bare message; false: the SNS JSON envelope. */
      readonly rawMessageDelivery: boolean;
      readonly filterPolicy?: FilterPolicy;
    }
  | {
      readonly protocol: 'email';
      /** The address comes from configuration (per environment); this names its role. */
      readonly endpointRole: 'ops';
      readonly filterPolicy?: FilterPolicy;
    };

export interface TopicDefinition {
  readonly name: TopicName;
  readonly subscriptions: readonly Subscription[];
}

const FOURTEEN_DAYS = 14 * 24 * 60 * 60;
const LONG_POLL_SECONDS = 20;

function queue(name: QueueName, visibilityTimeoutSeconds: number, maxReceiveCount: number): QueueDefinition {
  return Object.freeze({
    name,
    visibilityTimeoutSeconds,
    maxReceiveCount,
    retentionSeconds: FOURTEEN_DAYS,
    receiveWaitTimeSeconds: LONG_POLL_SECONDS,
    deadLetterQueueName: `${name}-dlq`,
  });
}

export const QUEUES: readonly QueueDefinition[] = Object.freeze([
  queue(QUEUE_NAMES.cotizaciones, 300, 3),
  queue(QUEUE_NAMES.solicitudes, 600, 5),
  queue(QUEUE_NAMES.notificacionesProcessing, 300, 3),
]);

/** Notifications the ops mailbox must see at once. */
export const OPS_EMAIL_FILTER_POLICY: FilterPolicy = Object.freeze({ priority: ['critical', 'high'] });

export const TOPICS: readonly TopicDefinition[] = Object.freeze([
  {
    name: TOPIC_NAMES.notificaciones,
    subscriptions: [
      { protocol: 'sqs', queue: QUEUE_NAMES.notificacionesProcessing, rawMessageDelivery: false },
      { protocol: 'email', endpointRole: 'ops', filterPolicy: OPS_EMAIL_FILTER_POLICY },
    ],
  },
  // Alarms and critical notifications land here; ops must hear of them.
  { name: TOPIC_NAMES.criticalAlerts, subscriptions: [{ protocol: 'email', endpointRole: 'ops' }] },
]);

export function queueDefinition(name: string): QueueDefinition | undefined {
  return QUEUES.find((q) => q.name === name);
}
