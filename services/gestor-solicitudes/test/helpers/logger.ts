import type { MessagingLogger } from '@arka/messaging';

export const silentLogger: MessagingLogger = { info: () => {}, warn: () => {}, error: () => {} };
