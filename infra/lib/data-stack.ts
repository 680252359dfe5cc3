import {
  Duration,
  RemovalPolicy,
  Stack,
  Validations,
  aws_docdb as docdb,
  aws_ec2 as ec2,
  aws_kms as kms,
  aws_logs as logs,
  aws_rds as rds,
} from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { importNetwork } from './imported-network';
import { names } from './names';
import { publishParameter } from './parameters';
import type { ArkaStackProps } from './settings';

export const MYSQL_ENGINE_VERSION = rds.MysqlEngineVersion.VER_8_0_46;
export const DOCDB_ENGINE_VERSION = '5.0.0';
export const DB_ADMIN_USER = 'arka_admin';
/** Initial schema of the instance; the gateway's `arka_gateway` lives beside it (README). */
export const MYSQL_DATABASE = 'arka_cotizaciones';
const ROTATION_DAYS = 30;

/**
 * RDS MySQL and DocumentDB, each with its own KMS key, a generated password in
 * Secrets Manager that rotates, and SSM parameters with host and port only.
 */
export class DataStack extends Stack {
  constructor(scope: Construct, id: string, props: ArkaStackProps) {
    super(scope, id, props);
    const { env, config } = props.settings;
    const network = importNetwork(this, env, ['private', 'database']);
    const removalPolicy = config.retainOnDelete ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY;
    const logRemovalPolicy = config.retainOnDelete ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    const rotationSubnets = { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS };

    const mysqlKey = new kms.Key(this, 'MysqlKey', {
      alias: `alias/arka/${env}/mysql`,
      description: 'RDS MySQL storage, Performance Insights and its secret',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const docdbKey = new kms.Key(this, 'DocdbKey', {
      alias: `alias/arka/${env}/documentdb`,
      description: 'DocumentDB storage and its secret',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const mysqlId = names.mysqlInstance(env);
    // Created up front so their retention is ours (no log-retention custom resource).
    const mysqlLogs = config.mysql.cloudwatchLogsExports.map(
      (log) =>
        new logs.LogGroup(this, `MysqlLog-${log}`, {
          logGroupName: `/aws/rds/instance/${mysqlId}/${log}`,
          retention: config.logRetentionDays,
          removalPolicy: logRemovalPolicy,
        }),
    );
    const mysql = new rds.DatabaseInstance(this, 'Mysql', {
      instanceIdentifier: mysqlId,
      engine: rds.DatabaseInstanceEngine.mysql({ version: MYSQL_ENGINE_VERSION }),
      instanceType: new ec2.InstanceType(config.mysql.instanceClass),
      vpc: network.vpc,
      vpcSubnets: isolated,
      securityGroups: [network.securityGroup('mysql', true)],
      credentials: rds.Credentials.fromGeneratedSecret(DB_ADMIN_USER, {
        secretName: `arka/${env}/mysql/admin`,
        encryptionKey: mysqlKey,
      }),
      databaseName: MYSQL_DATABASE,
      storageType: rds.StorageType.GP3,
      allocatedStorage: config.mysql.allocatedStorageGiB,
      maxAllocatedStorage: config.mysql.maxAllocatedStorageGiB,
      storageEncrypted: true,
      storageEncryptionKey: mysqlKey,
      backupRetention: Duration.days(config.mysql.backupRetentionDays),
      multiAz: config.mysql.multiAz,
      deletionProtection: config.mysql.deletionProtection,
      enablePerformanceInsights: config.mysql.performanceInsights,
      performanceInsightEncryptionKey: config.mysql.performanceInsights ? mysqlKey : undefined,
      cloudwatchLogsExports: [...config.mysql.cloudwatchLogsExports],
      iamAuthentication: true,
      autoMinorVersionUpgrade: true,
      copyTagsToSnapshot: true,
      removalPolicy,
    });
    mysqlLogs.forEach((group) => mysql.node.addDependency(group));
    mysql.addRotationSingleUser({
      automaticallyAfter: Duration.days(ROTATION_DAYS),
      vpcSubnets: rotationSubnets,
    });

    if (config.mysql.readReplica) {
      const replica = new rds.DatabaseInstanceReadReplica(this, 'MysqlReplica', {
        instanceIdentifier: names.mysqlReplica(env),
        sourceDatabaseInstance: mysql,
        instanceType: new ec2.InstanceType(config.mysql.instanceClass),
        vpc: network.vpc,
        vpcSubnets: isolated,
        securityGroups: [network.securityGroup('mysql', true)],
        // Encryption and its key are inherited from the source; CloudFormation rejects StorageEncrypted on a replica.
        deletionProtection: config.mysql.deletionProtection,
        enablePerformanceInsights: config.mysql.performanceInsights,
        performanceInsightEncryptionKey: config.mysql.performanceInsights ? mysqlKey : undefined,
        autoMinorVersionUpgrade: true,
        removalPolicy,
      });
      publishParameter(
        this,
        env,
        'data/mysql-reader-host',
        replica.dbInstanceEndpointAddress,
        'MySQL read replica host',
      );
      acknowledgeStandardPort(replica, 'AwsSolutions-RDS11');
      Validations.of(replica).acknowledge({
        id: 'AwsSolutions-RDS2',
        reason:
          'A same-region replica is encrypted with the source KMS key; CloudFormation rejects StorageEncrypted on a replica.',
      });
      Validations.of(replica).acknowledge({
        id: 'AwsSolutions-RDS3',
        reason: 'A read replica serves reads only; the writer it replicates is Multi-AZ.',
      });
    }

    const docdbId = names.docdbCluster(env);
    const docdbLogs = ['audit', 'profiler'].map(
      (log) =>
        new logs.LogGroup(this, `DocdbLog-${log}`, {
          logGroupName: `/aws/docdb/${docdbId}/${log}`,
          retention: config.logRetentionDays,
          removalPolicy: logRemovalPolicy,
        }),
    );
    // Audit and profiler logs only reach CloudWatch when the cluster parameters switch them on.
    const docdbParameters = new docdb.ClusterParameterGroup(this, 'DocdbParameters', {
      family: 'docdb5.0',
      description: 'Arka DocumentDB: TLS, audit log and profiler',
      parameters: {
        tls: 'enabled',
        audit_logs: 'enabled',
        profiler: 'enabled',
        profiler_threshold_ms: '200',
      },
    });
    const documentDb = new docdb.DatabaseCluster(this, 'DocumentDb', {
      dbClusterName: docdbId,
      instanceIdentifierBase: docdbId,
      engineVersion: DOCDB_ENGINE_VERSION,
      masterUser: { username: DB_ADMIN_USER, secretName: `arka/${env}/documentdb/admin`, kmsKey: docdbKey },
      instanceType: new ec2.InstanceType(config.docdb.instanceClass),
      instances: config.docdb.instances,
      vpc: network.vpc,
      vpcSubnets: isolated,
      securityGroup: network.securityGroup('docdb', true),
      parameterGroup: docdbParameters,
      storageEncrypted: true,
      kmsKey: docdbKey,
      backup: { retention: Duration.days(config.docdb.backupRetentionDays) },
      deletionProtection: config.docdb.deletionProtection,
      exportAuditLogsToCloudWatch: true,
      exportProfilerLogsToCloudWatch: true,
      copyTagsToSnapshot: true,
      removalPolicy,
    });
    docdbLogs.forEach((group) => documentDb.node.addDependency(group));
    documentDb.addRotationSingleUser(Duration.days(ROTATION_DAYS));

    const docdbSecret = documentDb.secret;
    const mysqlSecret = mysql.secret;
    if (docdbSecret === undefined || mysqlSecret === undefined) {
      throw new Error('both databases must have a generated admin secret');
    }
    const publish = (key: `data/${string}`, value: string, what: string) =>
      publishParameter(this, env, key, value, what);
    publish('data/mysql-host', mysql.dbInstanceEndpointAddress, 'MySQL writer host');
    publish('data/mysql-port', mysql.dbInstanceEndpointPort, 'MySQL port');
    publish(
      'data/mysql-secret-arn',
      mysqlSecret.secretArn,
      'ARN of the MySQL admin secret (not the password)',
    );
    publish('data/mysql-key-arn', mysqlKey.keyArn, 'KMS key of MySQL and its secret');
    publish('data/docdb-host', documentDb.clusterEndpoint.hostname, 'DocumentDB cluster host');
    publish('data/docdb-port', documentDb.clusterEndpoint.portAsString(), 'DocumentDB port');
    publish(
      'data/docdb-secret-arn',
      docdbSecret.secretArn,
      'ARN of the DocumentDB admin secret (not the password)',
    );
    publish('data/docdb-key-arn', docdbKey.keyArn, 'KMS key of DocumentDB and its secret');

    acknowledgeStandardPort(mysql, 'AwsSolutions-RDS11');
    acknowledgeStandardPort(documentDb, 'AwsSolutions-DOC2');
    Validations.of(documentDb).acknowledge({
      id: 'AwsSolutions-DOC3',
      reason:
        'User name and password are Secrets Manager dynamic references; the rule cannot read them through the Fn::Join CDK builds.',
    });
    for (const event of ['authenticate', 'createIndex', 'dropCollection']) {
      Validations.of(documentDb).acknowledge({
        id: `AwsSolutions-DOC5[LogExport::${event}]`,
        reason: `DocumentDB exports only "audit" and "profiler"; ${event} events are in the audit log, switched on by the cluster parameter group (audit_logs).`,
      });
    }
    if (!config.mysql.multiAz) {
      Validations.of(mysql).acknowledge({
        id: 'AwsSolutions-RDS3',
        reason: `${env} runs single-AZ to save cost; prod is Multi-AZ (lib/config.ts).`,
      });
    }
    if (!config.mysql.deletionProtection) {
      Validations.of(mysql).acknowledge({
        id: 'AwsSolutions-RDS10',
        reason: `${env} is disposable; deletion protection is on in prod only (lib/config.ts).`,
      });
    }
  }
}

function acknowledgeStandardPort(scope: Construct, id: string): void {
  Validations.of(scope).acknowledge({
    id,
    reason:
      'Standard port kept for driver defaults; the database sits in isolated subnets reachable only from the services security group.',
  });
}
