/**
 * The broker's tables. Every piece of state (visibility deadline, receive count,
 * receipt handle) is a column, so any process opening the file sees the same queues.
 */
import type Database from 'better-sqlite3';
import { compileFilterPolicy } from '../filter-policy';
import {
  DEAD_LETTER_VISIBILITY_SECONDS,
  type BrokerQueueDefinition,
  type BrokerSubscription,
  type BrokerTopology,
} from './broker-topology';

const DDL = `
CREATE TABLE IF NOT EXISTS queues (
  name TEXT PRIMARY KEY,
  visibility_timeout_s INTEGER NOT NULL,
  retention_s INTEGER NOT NULL,
  receive_wait_s INTEGER NOT NULL,
  delay_s INTEGER NOT NULL,
  max_receive_count INTEGER,
  dead_letter_queue TEXT,
  source_queue TEXT
);
CREATE TABLE IF NOT EXISTS messages (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  queue TEXT NOT NULL,
  body TEXT NOT NULL,
  attributes TEXT NOT NULL,
  sent_at INTEGER NOT NULL,
  visible_at INTEGER NOT NULL,
  receive_count INTEGER NOT NULL DEFAULT 0,
  first_received_at INTEGER,
  receipt_token TEXT,
  dead_lettered_from TEXT
);
CREATE INDEX IF NOT EXISTS messages_by_queue_visibility ON messages (queue, visible_at);
CREATE TABLE IF NOT EXISTS subscriptions (
  id TEXT PRIMARY KEY,
  topic TEXT NOT NULL,
  protocol TEXT NOT NULL,
  endpoint TEXT NOT NULL,
  raw_message_delivery INTEGER NOT NULL,
  filter_policy TEXT
);
CREATE TABLE IF NOT EXISTS topics (name TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS endpoint_deliveries (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  subscription_id TEXT NOT NULL,
  message_id TEXT NOT NULL,
  subject TEXT,
  body TEXT NOT NULL,
  attributes TEXT NOT NULL,
  delivered_at INTEGER NOT NULL
);
`;

/** Opens the connection the way every process must: WAL, waits on locks, foreign writers tolerated. */
export function configureConnection(db: Database.Database, busyTimeoutMs: number): void {
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  db.pragma('journal_mode = WAL');
  // WAL + NORMAL survives any process crash; only an OS crash may lose the last commits.
  db.pragma('synchronous = NORMAL');
  // SQLite's default page cache (2 MB) rather than better-sqlite3's 16 MB: every process opens the broker.
  db.pragma('cache_size = -2000');
}

function subscriptionEndpoint(s: BrokerSubscription): string {
  return s.protocol === 'sqs' ? s.queue : `role:${s.endpointRole}`;
}

function upsertQueue(db: Database.Database, q: BrokerQueueDefinition): void {
  const upsert = db.prepare(`
    INSERT INTO queues (name, visibility_timeout_s, retention_s, receive_wait_s, delay_s, max_receive_count, dead_letter_queue, source_queue)
    VALUES (@name, @visibility, @retention, @wait, @delay, @maxReceive, @dlq, @source)
    ON CONFLICT (name) DO UPDATE SET visibility_timeout_s = excluded.visibility_timeout_s,
      retention_s = excluded.retention_s, receive_wait_s = excluded.receive_wait_s, delay_s = excluded.delay_s,
      max_receive_count = excluded.max_receive_count, dead_letter_queue = excluded.dead_letter_queue,
      source_queue = excluded.source_queue`);
  const common = { retention: q.retentionSeconds, wait: q.receiveWaitTimeSeconds };
  upsert.run({
    ...common,
    name: q.deadLetterQueueName,
    visibility: DEAD_LETTER_VISIBILITY_SECONDS,
    delay: 0,
    maxReceive: null,
    dlq: null,
    source: q.name,
  });
  upsert.run({
    ...common,
    name: q.name,
    visibility: q.visibilityTimeoutSeconds,
    delay: q.delaySeconds ?? 0,
    maxReceive: q.maxReceiveCount,
    dlq: q.deadLetterQueueName,
    source: null,
  });
}

/**
 * Creates the tables and provisions `topology`: queues and DLQs are upserted (the
 * topology is the source of truth for their settings) and each topic's
 * subscriptions are replaced by the listed ones. Idempotent; safe when several
 * processes open the file at once, since it runs in one immediate transaction.
 */
export function provision(db: Database.Database, topology: BrokerTopology): void {
  for (const topic of topology.topics) {
    for (const s of topic.subscriptions) if (s.filterPolicy) compileFilterPolicy(s.filterPolicy);
  }
  const run = db.transaction(() => {
    db.exec(DDL);
    for (const q of topology.queues) upsertQueue(db, q);
    const insertTopic = db.prepare('INSERT OR IGNORE INTO topics (name) VALUES (?)');
    const clearSubscriptions = db.prepare('DELETE FROM subscriptions WHERE topic = ?');
    const insertSubscription = db.prepare(
      'INSERT INTO subscriptions (id, topic, protocol, endpoint, raw_message_delivery, filter_policy) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const topic of topology.topics) {
      insertTopic.run(topic.name);
      clearSubscriptions.run(topic.name);
      for (const s of topic.subscriptions) {
        const endpoint = subscriptionEndpoint(s);
        insertSubscription.run(
          `${topic.name}:${s.protocol}:${endpoint}`,
          topic.name,
          s.protocol,
          endpoint,
          s.protocol === 'sqs' && s.rawMessageDelivery ? 1 : 0,
          s.filterPolicy ? JSON.stringify(s.filterPolicy) : null,
        );
      }
    }
  });
  run.immediate();
}
