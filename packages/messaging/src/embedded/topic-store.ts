/**
 * Topic fan-out: one publish (of one message or a batch) writes a copy of each
 * message into every subscribed queue whose filter policy its attributes pass
 * (raw body or SNS envelope) in one transaction, and records what email
 * subscriptions would have received.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { MessagingError, topicNotFound } from '../errors';
import { compileFilterPolicy } from '../filter-policy';
import type { MessageAttributes } from '../ports';
import { localTopicArn, snsEnvelope } from '../sns-envelope';
import { decodeAttributes, encodeAttributes } from './rows';
import type { EndpointDelivery, SubscriptionInfo } from './types';

interface SubscriptionRow {
  id: string;
  topic: string;
  protocol: string;
  endpoint: string;
  raw_message_delivery: number;
  filter_policy: string | null;
}

interface DeliveryRow {
  subscription_id: string;
  message_id: string;
  subject: string | null;
  body: string;
  attributes: string;
  delivered_at: number;
}

export interface PublishInput {
  readonly body: string;
  readonly subject?: string;
  readonly attributes?: MessageAttributes;
}

const ENDPOINT_DELIVERY_RETENTION_MS = 14 * 24 * 60 * 60 * 1000;
const filterPolicySchema = z.record(z.string(), z.unknown());
const protocolSchema = z.enum(['sqs', 'email']);

function subscriptionInfo(row: SubscriptionRow): SubscriptionInfo {
  return {
    id: row.id,
    topic: row.topic,
    protocol: protocolSchema.parse(row.protocol),
    endpoint: row.endpoint,
    rawMessageDelivery: row.raw_message_delivery === 1,
    ...(row.filter_policy === null
      ? {}
      : { filterPolicy: filterPolicySchema.parse(JSON.parse(row.filter_policy)) }),
  };
}

export class TopicStore {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      topic: db.prepare<[string], { name: string }>('SELECT name FROM topics WHERE name = ?'),
      topics: db.prepare<[], { name: string }>('SELECT name FROM topics ORDER BY name'),
      subscriptions: db.prepare<[string], SubscriptionRow>(
        'SELECT * FROM subscriptions WHERE topic = ? ORDER BY id',
      ),
      allSubscriptions: db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id'),
      insertMessage: db.prepare(
        'INSERT INTO messages (id, queue, body, attributes, sent_at, visible_at) VALUES (?, ?, ?, ?, ?, ?)',
      ),
      delayOf: db.prepare<[string], { delay_s: number }>('SELECT delay_s FROM queues WHERE name = ?'),
      insertDelivery: db.prepare(
        `INSERT INTO endpoint_deliveries (subscription_id, message_id, subject, body, attributes, delivered_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      purgeDeliveries: db.prepare('DELETE FROM endpoint_deliveries WHERE delivered_at <= ?'),
      deliveries: db.prepare<[string], DeliveryRow>(
        'SELECT * FROM endpoint_deliveries WHERE subscription_id = ? ORDER BY seq',
      ),
    };
  }

  listTopics(): string[] {
    return this.statements.topics.all().map((t) => t.name);
  }

  listSubscriptions(topic?: string): SubscriptionInfo[] {
    const rows =
      topic === undefined ? this.statements.allSubscriptions.all() : this.statements.subscriptions.all(topic);
    return rows.map(subscriptionInfo);
  }

  /** Fans every message out in one transaction: all of them are delivered, or none. */
  publish(topic: string, inputs: readonly PublishInput[], now: number): string[] {
    return this.db
      .transaction(() => {
        if (!this.statements.topic.get(topic)) throw topicNotFound(topic, this.listTopics());
        const subscriptions = this.listSubscriptions(topic).map((s) => ({
          s,
          matches: s.filterPolicy ? compileFilterPolicy(s.filterPolicy) : () => true,
        }));
        return inputs.map((input) => {
          const messageId = randomUUID();
          const attributes = input.attributes ?? {};
          for (const { s, matches } of subscriptions) {
            if (!matches(attributes)) continue;
            if (s.protocol === 'sqs') this.deliverToQueue(s, messageId, input, now);
            else {
              this.statements.insertDelivery.run(
                s.id,
                messageId,
                input.subject ?? null,
                input.body,
                encodeAttributes(attributes),
                now,
              );
            }
          }
          return messageId;
        });
      })
      .immediate();
  }

  /** Endpoint deliveries are kept as long as queue messages (14 days), then dropped. */
  purgeEndpointDeliveries(now: number): number {
    return this.statements.purgeDeliveries.run(now - ENDPOINT_DELIVERY_RETENTION_MS).changes;
  }

  listEndpointDeliveries(subscriptionId: string): EndpointDelivery[] {
    return this.statements.deliveries.all(subscriptionId).map((row) => ({
      subscriptionId: row.subscription_id,
      messageId: row.message_id,
      ...(row.subject === null ? {} : { subject: row.subject }),
      body: row.body,
      attributes: decodeAttributes(row.attributes),
      deliveredAt: new Date(row.delivered_at),
    }));
  }

  private deliverToQueue(s: SubscriptionInfo, messageId: string, input: PublishInput, now: number): void {
    const queue = this.statements.delayOf.get(s.endpoint);
    if (!queue) {
      throw new MessagingError(
        'QUEUE_NOT_FOUND',
        `subscription ${s.id} names the unknown queue "${s.endpoint}"`,
      );
    }
    const attributes = input.attributes ?? {};
    // SNS gives each queue copy its own SQS message id; the envelope keeps the SNS one.
    const body = s.rawMessageDelivery
      ? input.body
      : JSON.stringify(
          snsEnvelope({
            messageId,
            topicArn: localTopicArn(s.topic),
            subscriptionArn: `${localTopicArn(s.topic)}:${s.id}`,
            ...(input.subject === undefined ? {} : { subject: input.subject }),
            body: input.body,
            attributes,
            publishedAt: new Date(now),
          }),
        );
    const queueAttributes = s.rawMessageDelivery ? attributes : {};
    this.statements.insertMessage.run(
      randomUUID(),
      s.endpoint,
      body,
      encodeAttributes(queueAttributes),
      now,
      now + queue.delay_s * 1000,
    );
  }
}
