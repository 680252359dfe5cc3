import { SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { createAuditTable, credentials, REGION } from './handler-deps';
import { startFaultyProxy, type FaultyProxy } from './faulty-proxy';
import { startDynalite, startSesLocal, type LocalServer } from './local-servers';

const mockSns = (client: SNSClient) => mockClient(client);

/**
 * dynalite, the local SES server behind a fault-injecting proxy, an audit table, and
 * a mocked SNS client: what the handler's integration tests run against.
 */
export interface IntegrationEnv {
  readonly dynalite: LocalServer;
  readonly ses: LocalServer;
  readonly sesProxy: FaultyProxy;
  readonly tableName: string;
  readonly sns: SNSClient;
  readonly snsMock: ReturnType<typeof mockSns>;
  stop(): Promise<void>;
}

export async function startIntegrationEnv(
  tableName = 'arka-notifications-audit-test',
): Promise<IntegrationEnv> {
  const [dynalite, ses] = await Promise.all([startDynalite(), startSesLocal()]);
  const sesProxy = await startFaultyProxy(ses.endpoint);
  await createAuditTable(dynalite.endpoint, tableName);
  const sns = new SNSClient({ region: REGION, credentials });
  const snsMock = mockSns(sns);
  return {
    dynalite,
    ses,
    sesProxy,
    tableName,
    sns,
    snsMock,
    async stop() {
      snsMock.restore();
      await sesProxy.close();
      await Promise.all([dynalite.stop(), ses.stop()]);
    },
  };
}
