import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CONFIG } from '../lib/config';
import { ENVS, synth } from './helpers/synth';

const data = (env: (typeof ENVS)[number]) => {
  const s = synth(env);
  return s.template(s.stacks.data);
};
const writer = (env: (typeof ENVS)[number]) =>
  Object.values(data(env).findResources('AWS::RDS::DBInstance')).filter(
    (r) => r.Properties.SourceDBInstanceIdentifier === undefined,
  );

describe('data stack', () => {
  it('gives MySQL and DocumentDB a KMS key each, with rotation', () => {
    const template = data('dev');

    template.resourcePropertiesCountIs('AWS::KMS::Key', { EnableKeyRotation: true }, 2);
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/arka/dev/mysql' });
    template.hasResourceProperties('AWS::KMS::Alias', { AliasName: 'alias/arka/dev/documentdb' });
  });

  it('runs RDS MySQL 8.0 encrypted with its key, in the database subnets, with IAM auth', () => {
    data('dev').hasResourceProperties('AWS::RDS::DBInstance', {
      DBInstanceIdentifier: 'arka-mysql-dev',
      Engine: 'mysql',
      EngineVersion: Match.stringLikeRegexp('^8\\.0\\.\\d+$'),
      StorageEncrypted: true,
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MysqlKey'), 'Arn'] },
      StorageType: 'gp3',
      DBName: 'arka_cotizaciones',
      EnableIAMDatabaseAuthentication: true,
      MasterUsername: 'arka_admin',
      // The password is a dynamic reference resolved by CloudFormation, never a literal.
      MasterUserPassword: {
        'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp('^\\{\\{resolve:secretsmanager:')])],
      },
    });
  });

  it.each(ENVS)('sizes and protects MySQL in %s as lib/config.ts says', (env) => {
    const expected = CONFIG[env].mysql;
    const [instance] = writer(env);

    expect(writer(env)).toHaveLength(1);
    expect(instance?.Properties).toMatchObject({
      DBInstanceClass: `db.${expected.instanceClass}`,
      AllocatedStorage: String(expected.allocatedStorageGiB),
      MaxAllocatedStorage: expected.maxAllocatedStorageGiB,
      BackupRetentionPeriod: expected.backupRetentionDays,
      MultiAZ: expected.multiAz,
      DeletionProtection: expected.deletionProtection,
      EnablePerformanceInsights: expected.performanceInsights,
      EnableCloudwatchLogsExports: expected.cloudwatchLogsExports,
    });
  });

  it('keeps 7 days of backups in dev and 30 in prod, Multi-AZ, PI and deletion protection in prod only', () => {
    expect(writer('dev')[0]?.Properties).toMatchObject({
      BackupRetentionPeriod: 7,
      MultiAZ: false,
      DeletionProtection: false,
      EnablePerformanceInsights: false,
    });
    expect(writer('prod')[0]?.Properties).toMatchObject({
      BackupRetentionPeriod: 30,
      MultiAZ: true,
      DeletionProtection: true,
      EnablePerformanceInsights: true,
      PerformanceInsightsKMSKeyId: { 'Fn::GetAtt': [expect.stringMatching(/^MysqlKey/), 'Arn'] },
    });
  });

  it('adds a read replica in prod only', () => {
    const replicas = (env: (typeof ENVS)[number]) =>
      Object.values(data(env).findResources('AWS::RDS::DBInstance')).filter(
        (r) => r.Properties.SourceDBInstanceIdentifier !== undefined,
      );

    expect(replicas('dev')).toHaveLength(0);
    expect(replicas('staging')).toHaveLength(0);
    expect(replicas('prod')).toHaveLength(1);
    expect(replicas('prod')[0]?.Properties).toMatchObject({
      DBInstanceIdentifier: 'arka-mysql-prod-replica',
      DeletionProtection: true,
    });
  });

  it.each([
    ['dev', 1, 7, false],
    ['staging', 1, 7, false],
    ['prod', 2, 30, true],
  ] as const)(
    'runs DocumentDB 5.0 in %s with %i instance(s), %i days of backups',
    (env, instances, days, protect) => {
      const template = data(env);

      template.hasResourceProperties('AWS::DocDB::DBCluster', {
        DBClusterIdentifier: `arka-documentdb-${env}`,
        EngineVersion: '5.0.0',
        StorageEncrypted: true,
        KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^DocdbKey'), 'Arn'] },
        BackupRetentionPeriod: days,
        DeletionProtection: protect,
        EnableCloudwatchLogsExports: ['audit', 'profiler'],
      });
      template.resourceCountIs('AWS::DocDB::DBInstance', instances);
      template.hasResourceProperties('AWS::DocDB::DBInstance', {
        DBInstanceClass: `db.${CONFIG[env].docdb.instanceClass}`,
      });
    },
  );

  it('switches DocumentDB TLS, audit and profiler logs on in its parameter group', () => {
    data('dev').hasResourceProperties('AWS::DocDB::DBClusterParameterGroup', {
      Family: 'docdb5.0',
      Parameters: Match.objectLike({ tls: 'enabled', audit_logs: 'enabled', profiler: 'enabled' }),
    });
  });

  it('creates the database log groups with retention before the exports start', () => {
    const template = data('prod');

    for (const name of ['/aws/rds/instance/arka-mysql-prod/error', '/aws/docdb/arka-documentdb-prod/audit']) {
      template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: name, RetentionInDays: 365 });
    }
  });

  it('generates both passwords into Secrets Manager, encrypted with the store key, and rotates them', () => {
    const template = data('dev');

    template.resourceCountIs('AWS::SecretsManager::Secret', 2);
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      Name: 'arka/dev/mysql/admin',
      KmsKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MysqlKey'), 'Arn'] },
      GenerateSecretString: Match.objectLike({ GenerateStringKey: 'password' }),
    });
    template.hasResourceProperties('AWS::SecretsManager::Secret', { Name: 'arka/dev/documentdb/admin' });
    template.resourcePropertiesCountIs(
      'AWS::SecretsManager::RotationSchedule',
      { RotationRules: { ScheduleExpression: 'rate(30 days)' } },
      2,
    );
  });

  it('lets the rotation functions reach their database through the network stack groups', () => {
    const template = data('dev');

    for (const [database, group] of [
      ['Mysql', 'networksgmysql'],
      ['DocumentDb', 'networksgdocdb'],
    ] as const) {
      template.hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
        FromPort: { 'Fn::GetAtt': [Match.stringLikeRegexp(`^${database}`), Match.anyValue()] },
        GroupId: { Ref: Match.stringLikeRegexp(group) },
        SourceSecurityGroupId: {
          'Fn::GetAtt': [Match.stringLikeRegexp(`^${database}RotationSingleUser`), 'GroupId'],
        },
      });
    }
  });

  it('publishes host and port in SSM, and never a password', () => {
    const template = data('prod');
    const parameters = Object.values(template.findResources('AWS::SSM::Parameter'));
    const names = parameters.map((p) => p.Properties.Name);

    expect(names).toEqual(
      expect.arrayContaining([
        '/arka/prod/data/mysql-host',
        '/arka/prod/data/mysql-port',
        '/arka/prod/data/mysql-reader-host',
        '/arka/prod/data/docdb-host',
        '/arka/prod/data/docdb-port',
      ]),
    );
    for (const parameter of parameters) {
      const value = JSON.stringify(parameter.Properties.Value);
      expect(value).not.toMatch(/password|resolve:secretsmanager|SecretString/i);
      expect(parameter.Properties.Type).toBe('String');
    }
    expect(JSON.stringify(parameters)).not.toMatch(/mysql:\/\/|mongodb:\/\//);
  });
});
