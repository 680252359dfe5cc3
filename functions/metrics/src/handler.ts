import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, ScheduledEvent } from 'aws-lambda';
import type { RunSummary } from './application/run-collection';
import { createAwsCollector } from './aws-composition';
import { loadConfig } from './config';

// Composition root: configuration, logger and clients are built once per Lambda
// container, at cold start; an invalid configuration fails the init with every issue.
const config = loadConfig(process.env);
const logger = new Logger({
  serviceName: 'arka-metrics',
  persistentKeys: { environment: config.environment },
});
const collector = createAwsCollector(config, {
  info: (message, attributes) => logger.info(message, attributes ?? {}),
  error: (message, attributes) => logger.error(message, attributes ?? {}),
});

/**
 * EventBridge scheduled event → one collection run. Rejects when publishing fails,
 * so the invocation is retried; failing sources are counted, not thrown.
 */
export async function handler(event: ScheduledEvent, context?: Context): Promise<RunSummary> {
  if (context !== undefined) logger.addContext(context);
  logger.info('metrics run started', { eventId: event.id, scheduledTime: event.time });
  return collector.run();
}
