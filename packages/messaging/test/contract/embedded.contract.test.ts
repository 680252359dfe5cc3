import { afterAll } from 'vitest';
import { createMessaging } from '../../src/create-messaging';
import { tempBrokerDir } from '../helpers/broker';
import { messagingPortsContract } from './messaging-ports.contract';

const dir = tempBrokerDir();
afterAll(() => dir.cleanup());

messagingPortsContract('embedded broker', async () =>
  createMessaging({ driver: 'embedded', path: dir.path() }),
);
