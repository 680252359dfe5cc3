import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '@arka/kernel';
import { MongoClient } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { mongoConnection, type MongoSettings } from '../src/adapters/persistence/mongodb/mongodb-connection';
import { COLLECTIONS, INDEXES } from '../src/adapters/persistence/mongodb/mongodb-indexes';
import {
  pageOptions,
  solicitudQuery,
  SOLICITUD_SORT,
} from '../src/adapters/persistence/mongodb/mongodb-queries';
import { configSchema, mongoSettings } from '../src/config';

/** What the driver itself makes of our URI and options (the constructor does not connect). */
function driverOptions(settings: MongoSettings) {
  const connection = mongoConnection(settings);
  return new MongoClient(connection.uri, connection.options).options;
}

describe('the MongoDB connection options', () => {
  it('turns retryable writes off even when the URI asks for them (DocumentDB has none)', () => {
    const options = driverOptions({
      uri: 'mongodb://db.example:27017/?retryWrites=true',
      port: 27017,
      database: 'arka',
    });
    expect(options.retryWrites).toBe(false);
  });

  it('turns TLS on with the CA bundle named in configuration', () => {
    const options = driverOptions({
      uri: 'mongodb://db.example:27017/',
      port: 27017,
      database: 'arka',
      tlsCaFile: '/etc/ssl/global-bundle.pem',
    });
    expect(options.tls).toBe(true);
    expect(options.tlsCAFile).toBe('/etc/ssl/global-bundle.pem');
  });

  it('leaves TLS off without a CA bundle', () => {
    expect(
      driverOptions({ uri: 'mongodb://db.example:27017/', port: 27017, database: 'arka' }).tls ?? false,
    ).toBe(false);
  });

  it('builds the URI from host, port, user and password, escaping the credentials', () => {
    const connection = mongoConnection({
      host: 'docdb.cluster.example',
      port: 27018,
      database: 'arka_solicitudes',
      user: 'arka',
      password: 'p@ss:/word',
    });
    expect(connection.uri).toBe('mongodb://arka:p%40ss%3A%2Fword@docdb.cluster.example:27018/');
    const options = new MongoClient(connection.uri, connection.options).options;
    expect(options.credentials?.password).toBe('p@ss:/word');
    expect(options.retryWrites).toBe(false);
    expect(connection.database).toBe('arka_solicitudes');
  });

  it('takes its settings from the service configuration', () => {
    const config = parseConfig(configSchema, {
      MONGODB_HOST: 'docdb.example',
      MONGODB_USER: 'arka',
      MONGODB_PASSWORD: 'secret',
      MONGODB_TLS_CA_FILE: '/certs/global-bundle.pem',
      JWT_SECRET: 'x'.repeat(40),
    });
    expect(mongoSettings(config)).toEqual({
      host: 'docdb.example',
      port: 27017,
      database: 'arka_solicitudes',
      user: 'arka',
      password: 'secret',
      tlsCaFile: '/certs/global-bundle.pem',
    });
  });
});

describe('the MongoDB indexes created at start-up', () => {
  it.each(['estado', 'proveedorId', 'grupoId'])(
    'lead with %s on solicitudes, for its list filter',
    (field) => {
      expect(INDEXES.solicitudes.some((index) => Object.keys(index.key)[0] === field)).toBe(true);
    },
  );

  it('cover the answers of a request and of a group, and the pending outbox', () => {
    const leading = (name: keyof typeof COLLECTIONS) =>
      INDEXES[name].map((index) => Object.keys(index.key)[0]);
    expect(leading('respuestas')).toEqual(expect.arrayContaining(['solicitudId', 'grupoId']));
    expect(leading('outbox')).toContain('sentAt');
  });

  it('are all named, so creating them again at start-up is a no-op', () => {
    for (const indexes of Object.values(INDEXES))
      for (const index of indexes) expect(index.name).toMatch(/^[a-z_]+$/);
  });
});

describe('the MongoDB queries', () => {
  it('filter by equality on the given fields only', () => {
    expect(solicitudQuery({})).toEqual({});
    expect(solicitudQuery({ estado: 'ENVIADA', proveedorId: 'PROV001', grupoId: 'g' })).toEqual({
      estado: 'ENVIADA',
      proveedorId: 'PROV001',
      grupoId: 'g',
    });
  });

  it('page with skip and limit in the list order', () => {
    expect(pageOptions({ page: 2, size: 20 }, SOLICITUD_SORT)).toEqual({
      sort: { fechaCreacion: -1, _id: 1 },
      skip: 40,
      limit: 20,
    });
  });

  it('use no operator DocumentDB 5.0 lacks ($facet, the pipeline form of $lookup)', () => {
    const dir = join(import.meta.dirname, '../src/adapters/persistence/mongodb');
    const source = readdirSync(dir)
      .map((file) => readFileSync(join(dir, file), 'utf8'))
      .join('\n')
      // Comments may name the operators to say they are avoided.
      .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(source).not.toMatch(/\$facet|\$lookup|aggregate\(/);
  });
});
