import { DescribeDBClustersCommand, DocDBClient, type DBCluster } from '@aws-sdk/client-docdb';
import { DescribeDBInstancesCommand, RDSClient, type DBInstance } from '@aws-sdk/client-rds';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createDocumentDbSource } from '../src/adapters/aws/docdb-source';
import { createRdsSource } from '../src/adapters/aws/rds-source';

const rdsMock = mockClient(RDSClient);
const docdbMock = mockClient(DocDBClient);
const rds = new RDSClient({ region: 'us-east-1' });
const docdb = new DocDBClient({ region: 'us-east-1' });

afterEach(() => {
  rdsMock.reset();
  docdbMock.reset();
});

/** Serves `pages` one after the other, chained by Marker as RDS does. */
function servePages<T>(pages: T[][], toOutput: (items: T[], marker: string | undefined) => object) {
  return (input: { Marker?: string }) => {
    const index = input.Marker === undefined ? 0 : Number(input.Marker);
    const marker = index + 1 < pages.length ? String(index + 1) : undefined;
    return toOutput(pages[index] ?? [], marker);
  };
}

const instance = (id: string, status = 'available', multiAz = true): DBInstance => ({
  DBInstanceIdentifier: id,
  DBInstanceStatus: status,
  MultiAZ: multiAz,
  Engine: 'mysql',
});

describe('RDS source', () => {
  it('reports only the instances of its environment, across every page', async () => {
    // Prepare
    const pages = [
      [instance('arka-mysql-dev'), instance('arka-mysql-prod'), instance('other-db')],
      [instance('arka-mysql-development-1'), instance('arka-mysql-dev-replica', 'backing-up', false)],
      [
        instance('arka-mysql-staging'),
        instance('legacy-arka-mysql-dev'),
        instance('arka-mysql-dev-2', 'stopped'),
      ],
    ];
    rdsMock
      .on(DescribeDBInstancesCommand)
      .callsFake(servePages(pages, (DBInstances, Marker) => ({ DBInstances, Marker })));

    // Act
    const readings = await createRdsSource(rds, 'dev').collect();

    // Assess
    expect(rdsMock.commandCalls(DescribeDBInstancesCommand)).toHaveLength(3);
    expect(readings).toEqual([
      { kind: 'database', identifier: 'arka-mysql-dev', available: true, multiAz: true },
      { kind: 'database', identifier: 'arka-mysql-dev-replica', available: true, multiAz: false },
      { kind: 'database', identifier: 'arka-mysql-dev-2', available: false, multiAz: true },
    ]);
  });

  it('reports nothing when the account has no instance of the environment', async () => {
    // Prepare
    rdsMock.on(DescribeDBInstancesCommand).resolves({ DBInstances: [instance('arka-mysql-prod')] });

    // Act
    const readings = await createRdsSource(rds, 'dev').collect();

    // Assess
    expect(readings).toEqual([]);
  });
});

describe('DocumentDB source', () => {
  it('asks for docdb clusters only and reports those of its environment with their member count', async () => {
    // Prepare
    const pages: DBCluster[][] = [
      [
        {
          DBClusterIdentifier: 'arka-documentdb-dev',
          Engine: 'docdb',
          Status: 'available',
          DBClusterMembers: [{}, {}],
        },
        {
          DBClusterIdentifier: 'arka-documentdb-prod',
          Engine: 'docdb',
          Status: 'available',
          DBClusterMembers: [{}],
        },
      ],
      [
        {
          DBClusterIdentifier: 'arka-documentdb-dev-b',
          Engine: 'docdb',
          Status: 'modifying',
          DBClusterMembers: [],
        },
        // A server that ignored the engine filter must not leak other engines into the metrics.
        { DBClusterIdentifier: 'arka-documentdb-dev-neptune', Engine: 'neptune', Status: 'available' },
        { DBClusterIdentifier: 'arka-documentdb-devx', Engine: 'docdb', Status: 'available' },
      ],
    ];
    docdbMock
      .on(DescribeDBClustersCommand)
      .callsFake(servePages(pages, (DBClusters, Marker) => ({ DBClusters, Marker })));

    // Act
    const readings = await createDocumentDbSource(docdb, 'dev').collect();

    // Assess
    const calls = docdbMock.commandCalls(DescribeDBClustersCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.args[0].input.Filters).toEqual([{ Name: 'engine', Values: ['docdb'] }]);
    expect(readings).toEqual([
      { kind: 'documentdb', identifier: 'arka-documentdb-dev', available: true, instances: 2 },
      { kind: 'documentdb', identifier: 'arka-documentdb-dev-b', available: false, instances: 0 },
    ]);
  });
});
