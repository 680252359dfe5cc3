export { buildApp, API_PREFIX, type CotizadorDeps } from './app';
export { configSchema, type CotizadorConfig } from './config';
export { prepareCotizador, startCotizador, openCotizadorDatabase, type PreparedCotizador } from './runtime';
export { migrations as cotizadorMigrations } from './adapters/persistence/migrations';
export { OUTBOX_TABLE as COTIZADOR_OUTBOX_TABLE, type CotizadorDb } from './adapters/persistence/schema';
export { DEMO_CUSTOMERS } from './adapters/seed/seed-embedded';
