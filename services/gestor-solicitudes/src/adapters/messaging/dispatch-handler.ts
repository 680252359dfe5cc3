import type { BatchHandler, MessagingLogger, ReceivedMessage } from '@arka/messaging';
import { despacharSolicitud, type DispatchContext } from '../../application/despachar';
import { dispatchJobSchema, type DispatchJob } from '../../application/messages';

function parseJob(message: ReceivedMessage): DispatchJob {
  let body: unknown;
  try {
    body = JSON.parse(message.body);
  } catch (error) {
    throw new Error('the dispatch job is not JSON', { cause: error });
  }
  return dispatchJobSchema.parse(body);
}

/**
 * The dispatcher's queue adapter: each job is handled on its own; a job that
 * fails (unreadable, unknown request, broker down) is reported failed, so it
 * stays on arka-solicitudes, comes back after the visibility timeout, and lands
 * in the dead-letter queue after the queue's maxReceiveCount (5) receives.
 */
export function dispatchHandler(ctx: DispatchContext, logger: MessagingLogger): BatchHandler {
  return async (messages) => {
    const failedMessageIds: string[] = [];
    for (const message of messages) {
      try {
        const job = parseJob(message);
        const result = await despacharSolicitud(ctx, job.solicitudId);
        logger.info(
          { solicitudId: job.solicitudId, result, receiveCount: message.receiveCount },
          'dispatch job done',
        );
      } catch (error) {
        failedMessageIds.push(message.messageId);
        logger.error(
          { messageId: message.messageId, receiveCount: message.receiveCount, err: error },
          'dispatch job failed; it will be retried',
        );
      }
    }
    return { failedMessageIds };
  };
}
