import { join } from 'node:path';
import { commonConfigSchema, env, jwtConfigSchema } from '@arka/kernel';
import { messagingEnvSchema } from '@arka/messaging';
import { sqlConfigSchema } from '@arka/sql';
import { z } from 'zod';

/** The catalog shipped with the service (a copy of shared/data/catalog.csv). */
export const DEFAULT_CATALOG_FILE = join(import.meta.dirname, '..', 'data', 'catalog.csv');

const serviceSchema = commonConfigSchema.extend({
  ...jwtConfigSchema.shape,
  ...sqlConfigSchema.shape,
  PORT: env.port(8081),
  /** Where approvals and rejections are announced. @default ventas@arka.example */
  VENTAS_EMAIL: z.email().default('ventas@arka.example'),
  /** The catalog loaded into an empty embedded database. @default the service's data/catalog.csv */
  CATALOG_FILE: z.string().min(1).default(DEFAULT_CATALOG_FILE),
  /**
   * Relay the outbox to the broker from this process. @default true; false leaves
   * the messages in cotizador_outbox for a relay running elsewhere.
   */
  OUTBOX_RELAY: env.boolean(true),
  /**
   * Run the relay thread under Linux's SCHED_IDLE policy, on CPU time the requests
   * leave: quotes first, their messages as soon as the CPU has a moment. Under
   * sustained full load the messages wait in cotizador_outbox (none is lost).
   * @default false; the local platform sets it, as it runs its background work idle.
   */
  OUTBOX_RELAY_IDLE_PRIORITY: env.boolean(false),
});

/**
 * Everything the cotizador reads from the environment, parsed once at start-up.
 * MYSQL_URL or MYSQL_HOST selects MySQL; without them the service runs embedded on
 * `<ARKA_DATA_DIR>/cotizador.sqlite`, seeded with the catalog and demo customers.
 * MESSAGING_* (see @arka/messaging) picks the broker the outbox is relayed to:
 * by default the embedded one, `<ARKA_DATA_DIR>/broker.sqlite`.
 */
export const configSchema = serviceSchema.and(messagingEnvSchema.transform((messaging) => ({ messaging })));

export type CotizadorConfig = z.output<typeof configSchema>;
