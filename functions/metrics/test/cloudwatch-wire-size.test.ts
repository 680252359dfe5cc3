import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CLOUDWATCH_LIMITS } from '../src/adapters/aws/cloudwatch-limits';
import { createCloudWatchSink } from '../src/adapters/aws/cloudwatch-sink';
import { metric } from '../src/domain/metric';

/**
 * A client whose HTTP layer records each serialised request body and answers 200, so
 * the size estimate of the sink is checked against the bytes the SDK really sends.
 * The SDK gzips large PutMetricData bodies; the budget holds for the uncompressed JSON.
 */
function recordingClient() {
  const bodies: Buffer[] = [];
  const client = new CloudWatchClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    requestHandler: {
      handle: async (request: { body?: unknown }) => {
        if (!(request.body instanceof Uint8Array) && typeof request.body !== 'string') {
          throw new Error(`unexpected request body ${typeof request.body}`);
        }
        bodies.push(Buffer.from(request.body));
        return {
          response: {
            statusCode: 200,
            headers: { 'content-type': 'application/x-amz-json-1.0' },
            body: Readable.from([Buffer.from('{}')]),
          },
        };
      },
    },
  });
  return { client, bodies };
}

describe('CloudWatch request size', () => {
  it('keeps every real request body within the 1 MB limit, even with the widest metrics allowed', async () => {
    // Prepare: 30 dimensions of 1024 multi-byte characters each.
    const { client, bodies } = recordingClient();
    const sink = createCloudWatchSink({ client, namespace: 'Arka/Valenzuela' });
    const wide = Object.fromEntries(
      Array.from({ length: 30 }, (_, i) => [`Dimension${i}`, 'ñ'.repeat(1024)]),
    );
    const metrics = Array.from({ length: 40 }, (_, i) =>
      metric('RunningTasks', i, { ...wide, Dimension0: `s-${i}` }),
    );

    // Act
    await sink.publish({ timestamp: new Date(), metrics });

    // Assess
    expect(bodies.length).toBeGreaterThan(1);
    const json = bodies.map((body) => (body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body) : body));
    for (const [index, body] of json.entries()) {
      expect(bodies[index]?.length).toBeLessThanOrEqual(CLOUDWATCH_LIMITS.maxPayloadBytes);
      expect(body.length).toBeLessThanOrEqual(CLOUDWATCH_LIMITS.maxPayloadBytes);
    }
    const sentData = json.map((body): unknown[] => {
      const parsed: unknown = JSON.parse(body.toString('utf8'));
      const data =
        typeof parsed === 'object' && parsed !== null ? Reflect.get(parsed, 'MetricData') : undefined;
      return Array.isArray(data) ? data : [];
    });
    expect(sentData.reduce((total, data) => total + data.length, 0)).toBe(40);
  });
});
