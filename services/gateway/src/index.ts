export { buildGatewayApp, type GatewayDeps } from './app';
export { gatewayConfigSchema, isEmbedded, type GatewayConfig } from './config';
export {
  createGateway,
  startGateway,
  EMBEDDED_DATABASE_FILE,
  type Gateway,
  type GatewayOptions,
} from './gateway';
export { DEMO_USERS } from './application/seed-demo-users';
