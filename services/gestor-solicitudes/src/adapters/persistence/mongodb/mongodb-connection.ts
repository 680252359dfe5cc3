import type { MongoClientOptions } from 'mongodb';

/** Where and how to reach MongoDB / Amazon DocumentDB, as configuration gives it. */
export interface MongoSettings {
  /** A full connection string; when set, host, port, user and password are not used. */
  readonly uri?: string;
  readonly host?: string;
  readonly port: number;
  readonly database: string;
  readonly user?: string;
  readonly password?: string;
  /** A PEM bundle (DocumentDB: global-bundle.pem); turns TLS on. */
  readonly tlsCaFile?: string;
}

export interface MongoConnection {
  readonly uri: string;
  readonly database: string;
  readonly options: MongoClientOptions;
}

/**
 * The driver's connection string and options. DocumentDB does not support
 * retryable writes, so they are always off (whatever the URI says: options win
 * over URI parameters); TLS with the CA bundle is on when a bundle is named.
 * Reads stay on the primary, as DocumentDB transactions require.
 */
export function mongoConnection(settings: MongoSettings): MongoConnection {
  const uri = settings.uri ?? uriFromParts(settings);
  return {
    uri,
    database: settings.database,
    options: {
      appName: 'arka-gestor-solicitudes',
      retryWrites: false,
      readPreference: 'primary',
      serverSelectionTimeoutMS: 10_000,
      ...(settings.tlsCaFile ? { tls: true, tlsCAFile: settings.tlsCaFile } : {}),
    },
  };
}

function uriFromParts(settings: MongoSettings): string {
  if (!settings.host) throw new Error('MongoDB needs MONGODB_URI or MONGODB_HOST');
  const credentials =
    settings.user === undefined
      ? ''
      : `${encodeURIComponent(settings.user)}:${encodeURIComponent(settings.password ?? '')}@`;
  return `mongodb://${credentials}${settings.host}:${settings.port}/`;
}
