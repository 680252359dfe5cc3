import { commonConfigSchema, env, jwtConfigSchema } from '@arka/kernel';
import { messagingEnvSchema } from '@arka/messaging';
import { z } from 'zod';
import type { MongoSettings } from './adapters/persistence/mongodb/mongodb-connection';

const gestorSchema = commonConfigSchema
  .extend(jwtConfigSchema.shape)
  .extend({
    PORT: env.port(8082),
    /** A MongoDB / DocumentDB connection string; with it (or MONGODB_HOST) the embedded store is off. */
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, { message: 'must start with mongodb:// or mongodb+srv://' })
      .optional(),
    MONGODB_HOST: z.string().min(1).optional(),
    MONGODB_PORT: env.port(27017),
    MONGODB_DATABASE: z.string().min(1).default('arka_solicitudes'),
    MONGODB_USER: z.string().min(1).optional(),
    MONGODB_PASSWORD: z.string().min(1).optional(),
    /** The CA bundle (DocumentDB: global-bundle.pem); turns TLS on. */
    MONGODB_TLS_CA_FILE: z.string().min(1).optional(),
    /** Purchasing's mailbox, told of every supplier answer. */
    COMPRAS_EMAIL: z.email().default('compras@arka.example'),
    /** How many dispatch jobs the dispatcher takes per receive (1–10). */
    DISPATCHER_BATCH_SIZE: z.coerce.number().int().min(1).max(10).default(10),
  })
  .superRefine((config, ctx) => {
    if (config.MONGODB_USER !== undefined && config.MONGODB_PASSWORD === undefined) {
      ctx.addIssue({ code: 'custom', path: ['MONGODB_PASSWORD'], message: 'required with MONGODB_USER' });
    }
  });

/**
 * Every setting of the gestor-solicitudes service and its dispatcher, read once at
 * start-up: the service's own, plus messaging's (MESSAGING_DRIVER and friends,
 * parsed by @arka/messaging into `messaging`). Problems of both are reported together.
 */
export const configSchema = z.looseObject({}).transform((environment, ctx) => {
  const gestor = gestorSchema.safeParse(environment);
  const messaging = messagingEnvSchema.safeParse(environment);
  for (const issue of [...(gestor.error?.issues ?? []), ...(messaging.error?.issues ?? [])]) {
    ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  }
  if (!gestor.success || !messaging.success) return z.NEVER;
  return { ...gestor.data, messaging: messaging.data };
});

export type GestorConfig = z.output<typeof configSchema>;

/** The embedded mode: no MongoDB configured; SQLite in ARKA_DATA_DIR and generated local secrets. */
export function isEmbedded(config: GestorConfig): boolean {
  return config.MONGODB_URI === undefined && config.MONGODB_HOST === undefined;
}

export function mongoSettings(config: GestorConfig): MongoSettings {
  return {
    ...(config.MONGODB_URI === undefined ? {} : { uri: config.MONGODB_URI }),
    ...(config.MONGODB_HOST === undefined ? {} : { host: config.MONGODB_HOST }),
    port: config.MONGODB_PORT,
    database: config.MONGODB_DATABASE,
    ...(config.MONGODB_USER === undefined ? {} : { user: config.MONGODB_USER }),
    ...(config.MONGODB_PASSWORD === undefined ? {} : { password: config.MONGODB_PASSWORD }),
    ...(config.MONGODB_TLS_CA_FILE === undefined ? {} : { tlsCaFile: config.MONGODB_TLS_CA_FILE }),
  };
}
