/**
 * What AWS does with the customer data each data-store type holds, as the checklist asks about it: where the store's
 * tags are (classification, 1.21), how it is encrypted at rest and in transit and what the service does when the
 * template says nothing (1.22), and how it can be backed up (2.6). One entry per type; the rules read these facts instead of keeping
 * one rule per service.
 *
 * Sources: the CloudFormation resource reference (property names and defaults) and each service's documentation of
 * encryption at rest and backups. Where AWS documents no consistent default (FSx for Lustre's automatic backup
 * retention), the fact says so and a rule asks the template to state the value.
 */
import { SNS_PROTOCOLS_IN_CLEAR } from './transit';

/** How a type is encrypted at rest. */
export type AtRestEncryption =
  /** The service always encrypts the data at rest (with an AWS owned or AWS managed key when the template names none). */
  | { readonly kind: 'always'; readonly how: string }
  /**
   * A boolean property turns encryption at rest on; `absent` is what the service does when the template leaves it out.
   * A key property (`key`) set in the template also means encrypted (SQS: `KmsMasterKeyId`).
   */
  | { readonly kind: 'flag'; readonly path: string; readonly absent: boolean; readonly key?: string }
  /** An object property turns encryption on when present; `field`, when given, must have one of `values`. */
  | { readonly kind: 'object'; readonly path: string; readonly field?: string; readonly values?: readonly string[] }
  /** Through the EBS volumes the resource launches (block device mappings, launch templates). */
  | { readonly kind: 'volumes' }
  /** Depends on the engine or the source, as `note` says; the rule reads the properties named there. */
  | { readonly kind: 'depends'; readonly note: string };

/** One setting of a store that must hold for the data it exchanges to be encrypted in transit. */
export interface InTransitSetting {
  /** The property path, e.g. `TransitEncryptionEnabled` or `DomainEndpointOptions/EnforceHTTPS`. */
  readonly path: string;
  /** The values that encrypt. */
  readonly encrypted: readonly (string | boolean)[];
  /** The value when the template leaves the property out. */
  readonly absent: string | boolean;
  /** What travels in clear otherwise, for messages ("clients and replicas exchange data in clear"). */
  readonly otherwise: string;
}

/**
 * The server parameter that makes an engine require TLS from its clients, in the store's parameter group. A store
 * that does not require TLS still offers it: whether its clients use it is theirs to say, which the template cannot show.
 */
export interface TlsParameter {
  /**
   * The engines it is for: prefixes of the store's engine property (`sqlserver` for `sqlserver-ee`), the longest
   * matching one deciding (`byEnginePrefix` of `engines.ts`).
   * @default - every engine: the type has one
   */
  readonly engines?: readonly string[];
  /** The parameter's name in the group, e.g. `require_secure_transport`. */
  readonly name: string;
  /** The values that require TLS (compared without regard to case). */
  readonly requires: readonly string[];
  /**
   * The values with which the store accepts no TLS connection at all: every client exchanges data in clear.
   * @default - none: any other value still offers TLS
   */
  readonly refuses?: readonly string[];
  /** What AWS's default parameter group does: `requires` TLS, or `offers` it and leaves the choice to the clients. */
  readonly byDefault: 'requires' | 'offers';
  /**
   * From which major engine version the parameter's default (in AWS's default group, and in a group that leaves the
   * parameter out) requires TLS although `byDefault` says `offers`: the store's property holding its engine version,
   * the first major version that requires, and AWS's sentence. A store whose version is below it, or not known at synth
   * (left out: AWS then chooses), keeps `byDefault`.
   * @default - `byDefault` holds for every version
   */
  readonly requiresFrom?: { readonly path: string; readonly major: number; readonly how: string };
  /** Where AWS documents the parameter and its default, for messages. */
  readonly source: string;
}

/** Where a store's parameter group is named, and how the group resource lists its parameters. */
export interface ParameterGroupRef {
  /** The store's property naming the group (a reference to a group of the app, or a group's name). */
  readonly path: string;
  /** The CloudFormation type of the group resource. */
  readonly type: string;
  /** `map`: `Parameters` is `{ name: value }` (RDS, DocumentDB); `list`: `[{ ParameterName, ParameterValue }]` (Redshift). */
  readonly format: 'map' | 'list';
}

/**
 * A resource policy that can refuse every request made without TLS: a Deny to everyone under
 * `Bool aws:SecureTransport: false` covering the store's data actions (what AWS's guides show, and `enforceSSL` writes).
 */
export interface TlsOnlyPolicy {
  /**
   * The store's own property holding its policy document (`ResourcePolicy/PolicyDocument`, `FileSystemPolicy`); a path
   * through a list, with `*` for its members as in `tags` (a global table's replicas), names a policy on each member,
   * and every member must refuse.
   * @default - none
   */
  readonly inline?: string;
  /**
   * Policy resources that apply to the store: their type and the property naming the stores.
   * @default - none
   */
  readonly resources?: readonly { readonly type: string; readonly targets: string }[];
  /** The store's data actions, each of which the Deny must cover (`*` and wildcards in the statement match). */
  readonly actions: readonly string[];
}

/** How a type encrypts the data it exchanges with clients and between its nodes. */
export type InTransitEncryption =
  /** The service accepts encrypted connections only (`how`). */
  | { readonly kind: 'always'; readonly how: string }
  /** A cluster member: the cluster its `memberOf` property names is read instead. */
  | { readonly kind: 'cluster' }
  /**
   * The service's endpoints accept HTTP as well as HTTPS, but refuse every request in clear to a store with server-side
   * encryption (`how`): the store has it when `key` is set, or when the `flag` property (left out: `flag.absent`) is
   * true. Without it, only a resource policy refusing `aws:SecureTransport: false` would show TLS (`otherwise`).
   */
  | {
    readonly kind: 'sse';
    readonly key: string;
    readonly flag?: { readonly path: string; readonly absent: boolean };
    readonly how: string;
    readonly otherwise: string;
    /** The resource policy that refuses requests without TLS to a store without server-side encryption. */
    readonly tlsPolicy: TlsOnlyPolicy;
    /**
     * Where the store delivers its data to subscribers, and the protocols that deliver it in clear: the store's own list
     * (`inline`, items with `protocol`) and subscription resources naming it (`type`, `target`).
     * @default - the store delivers nothing itself
     */
    readonly deliveries?: { readonly inline: string; readonly type: string; readonly target: string; readonly protocol: string; readonly endpoint: string; readonly clear: readonly string[] };
  }
  /**
   * Whether the data travels encrypted is decided where the template does not reach (the clients' protocol or mount
   * options, a setting outside CloudFormation): `why`, with AWS's words and where they are; unless `tlsPolicy`, when
   * given, shows that the store refuses every request without TLS.
   */
  | { readonly kind: 'not-shown'; readonly why: string; readonly tlsPolicy?: TlsOnlyPolicy }
  /**
   * Clients reach the store's data through other resources (Redshift Serverless workgroups serving a namespace), each
   * of which requires TLS when one of its config parameters says so: every such resource of the app must, and there
   * must be one. A store served by none in the app, or by one that leaves the parameter out, is `not-shown`.
   */
  | {
    readonly kind: 'served-by';
    /** The serving resources: their type, and the property naming the store (by reference or by the store's `name`). */
    readonly via: { readonly type: string; readonly path: string; readonly name: string };
    /** Their list of `{ ParameterKey, ParameterValue }`, the key, and the values that require TLS (no case). */
    readonly parameters: { readonly path: string; readonly key: string; readonly requires: readonly string[] };
    /** Where AWS documents the parameter. */
    readonly source: string;
  }
  /** Every one of these settings must hold. */
  | { readonly kind: 'settings'; readonly settings: readonly InTransitSetting[] }
  /**
   * A server parameter of the store's parameter group decides: one of `parameters`, chosen by the value of the `engine`
   * property (the only one when the type has no such property). An engine none of them is for either accepts TLS
   * connections only (`tlsOnly`: Neptune from engine release 1.0.4.0) or keeps its TLS setting where the rules do not
   * read it (Oracle and Db2: option groups).
   */
  | {
    readonly kind: 'parameter';
    readonly group: ParameterGroupRef;
    readonly engine?: string;
    readonly parameters: readonly TlsParameter[];
    /**
     * Engines that accept TLS connections only, whatever their parameter group says: prefixes of the `engine`
     * property as `TlsParameter.engines` are, weighed against them by `byEnginePrefix` (`''` stands for every engine
     * that no parameter is for), with AWS's sentence saying so.
     * @default - none: an engine that no parameter is for keeps its TLS setting where the rules do not read it
     */
    readonly tlsOnly?: {
      readonly engines: readonly string[];
      /** Whether the engine AWS chooses when the store names none (and copies no store of the app) is one of them. */
      readonly byDefault: boolean;
      /** What AWS documents, and where. */
      readonly how: string;
    };
  };

/** MySQL-compatible engines: `require_secure_transport`. */
const MYSQL_TLS = (engines: string[]): TlsParameter => ({
  engines, name: 'require_secure_transport', requires: ['1', 'on'], byDefault: 'offers',
  source: 'Amazon RDS User Guide, "Requiring SSL/TLS for all connections to a MySQL DB instance": OFF by default up to MySQL 8.4',
});
/** PostgreSQL-compatible engines and SQL Server: `rds.force_ssl`. */
const FORCE_SSL = (engines: string[], source: string, requiresFrom?: TlsParameter['requiresFrom']): TlsParameter => ({
  engines, name: 'rds.force_ssl', requires: ['1'], byDefault: 'offers', source, ...(requiresFrom ? { requiresFrom } : {}),
});

/** How AWS Backup names a type in selections: the ARN a resource will have. */
export interface BackupArn {
  /** The ARN's service field (`rds`, `fsx`, `elasticfilesystem`...). */
  readonly service: string;
  /** The resource field, `{name}` standing for the name: e.g. `table/{name}`, `cluster:{name}`. */
  readonly resource: string;
  /**
   * The property holding a name the template may set; a generated name (or id) is `<generated>`, matched only by wildcards.
   * @default - always generated
   */
  readonly name?: string;
  /**
   * Whether the name appears in lower case in the ARN (RDS identifiers).
   * @default false
   */
  readonly lowerCase?: boolean;
  /**
   * Whether the ARN has no region and account (S3 buckets).
   * @default false
   */
  readonly global?: boolean;
}

/** The service's own automated backups of a type, when it has them. */
export type NativeBackup =
  /** Automated backups kept for a number of days given by a property; `absent` is the default (undefined when AWS documents none consistently). */
  | { readonly kind: 'retention'; readonly path: string; readonly absent?: number; readonly note?: string }
  /** The service always takes automated backups (`how`). */
  | { readonly kind: 'always'; readonly how: string; readonly days: number }
  /** A property with a given value turns the service's backups on (EFS `BackupPolicy.Status: ENABLED`). */
  | { readonly kind: 'flag'; readonly path: string; readonly value: string | boolean; readonly what: string }
  /** Point-in-time recovery (DynamoDB): a flag and a recovery period in days. */
  | { readonly kind: 'point-in-time'; readonly flag: string; readonly days: string; readonly absentDays: number };

/** How a type's data is backed up. */
export interface BackupFacts {
  /**
   * The ARN AWS Backup selects it by, when AWS Backup protects the type.
   * @default - AWS Backup does not protect it
   */
  readonly awsBackup?: BackupArn;
  /**
   * The service's own automated backups.
   * @default - none
   */
  readonly native?: NativeBackup;
  /**
   * Why backups do not apply to the type (data in transit, a cache of another store, backups themselves).
   * @default - they apply
   */
  readonly notApplicable?: string;
}

/** The facts of one data-store type. */
export interface DataStoreFacts {
  /** What the type is, for messages ("DynamoDB table"). */
  readonly noun: string;
  /**
   * The property holding the resource's tags (`[{ Key, Value }]` or a map). For a DynamoDB global table, each
   * replica's `Tags`; for an Auto Scaling group, the tags it propagates to its instances.
   */
  readonly tags: string;
  /**
   * Another resource whose tags classify the store's data, for a type that takes no tags in CloudFormation: the store's
   * property naming it (by reference, or by ARN or name ending in the resource's `name` property), its type, and what it
   * is for messages. `tags` is then that resource's tags property.
   * @default - the store's own tags
   */
  readonly tagsOf?: { readonly path: string; readonly type: string; readonly name: string; readonly noun: string };
  /**
   * A member of a cluster, judged with its cluster: the property naming the cluster and the cluster's type.
   * @default - judged on its own
   */
  readonly memberOf?: { readonly path: string; readonly type: string };
  /** Encryption at rest. */
  readonly encryption: AtRestEncryption;
  /**
   * Encryption in transit: the store's switch, what its service accepts, or why the template cannot show it.
   * @default - not read by item 1.22's in-transit rule (S3 buckets: read by S3BucketTlsOnly)
   */
  readonly inTransit?: InTransitEncryption;
  /**
   * Properties that make the resource a copy of another store, whose encryption it inherits when it sets none itself
   * (an RDS read replica, a cluster restored to a point in time), with the type of that store and the property of that
   * type holding the name the copy may give instead of a reference.
   * @default - none
   */
  readonly inheritsFrom?: readonly { readonly path: string; readonly type: string; readonly name: string }[];
  /**
   * Backups.
   * @default - no mechanism is known to the rules: the type is not read by item 2.6
   */
  readonly backup?: BackupFacts;
}

/** DynamoDB's item actions, which a table policy refusing requests without TLS must cover. */
const DYNAMODB_DATA_ACTIONS = [
  'dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:Scan', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem', 'dynamodb:PartiQLSelect', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete',
];

const RDS_RETENTION: NativeBackup = { kind: 'retention', path: 'BackupRetentionPeriod', absent: 1 };
const IN_TRANSIT = (what: string) => ({ notApplicable: `${what} holds data in transit for a limited time; the data is backed up in the store where it comes to rest` });

/** Every data-store type the rules read, by CloudFormation type. */
/** OpenSearch Service domains, under either of their CloudFormation types (the Elasticsearch one is the older). */
const SEARCH_DOMAIN: Omit<DataStoreFacts, 'noun'> = {
  tags: 'Tags',
  encryption: { kind: 'flag', path: 'EncryptionAtRestOptions/Enabled', absent: false },
  inTransit: {
    kind: 'settings',
    settings: [
      { path: 'NodeToNodeEncryptionOptions/Enabled', encrypted: [true, 'true'], absent: false, otherwise: 'the nodes exchange data in clear' },
      { path: 'DomainEndpointOptions/EnforceHTTPS', encrypted: [true, 'true'], absent: false, otherwise: 'the endpoint accepts HTTP' },
    ],
  },
  backup: { native: { kind: 'always', how: 'OpenSearch Service takes automated hourly snapshots of every domain and keeps them 14 days', days: 14 } },
};

export const DATA_STORES: { readonly [type: string]: DataStoreFacts } = {
  'AWS::S3::Bucket': {
    noun: 'S3 bucket',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'Amazon S3 encrypts every new object at rest (SSE-S3 unless the bucket names a KMS key)' },
    backup: { awsBackup: { service: 's3', resource: '{name}', name: 'BucketName', global: true } },
  },
  'AWS::DynamoDB::Table': {
    noun: 'DynamoDB table',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'DynamoDB encrypts every table at rest (with an AWS owned key unless SSESpecification names a KMS key)' },
    inTransit: { kind: 'not-shown', tlsPolicy: { inline: 'ResourcePolicy/PolicyDocument', actions: DYNAMODB_DATA_ACTIONS }, why: 'DynamoDB endpoints accept HTTP as well as HTTPS (AWS General Reference, "Amazon DynamoDB endpoints and quotas", docs.aws.amazon.com/general/latest/gr/ddb.html: protocol "HTTP and HTTPS"): whether clients use HTTPS (the AWS SDKs\' default) is theirs to choose; no resource policy refuses requests without TLS (aws:SecureTransport false)' },
    backup: {
      awsBackup: { service: 'dynamodb', resource: 'table/{name}', name: 'TableName' },
      native: { kind: 'point-in-time', flag: 'PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled', days: 'PointInTimeRecoverySpecification/RecoveryPeriodInDays', absentDays: 35 },
    },
  },
  'AWS::DynamoDB::GlobalTable': {
    noun: 'DynamoDB global table',
    tags: 'Replicas/*/Tags',
    encryption: { kind: 'always', how: 'DynamoDB encrypts every table replica at rest (with an AWS owned key unless SSESpecification names a KMS key)' },
    inTransit: { kind: 'not-shown', tlsPolicy: { inline: 'Replicas/*/ResourcePolicy/PolicyDocument', actions: DYNAMODB_DATA_ACTIONS }, why: 'DynamoDB endpoints accept HTTP as well as HTTPS (AWS General Reference, "Amazon DynamoDB endpoints and quotas", docs.aws.amazon.com/general/latest/gr/ddb.html: protocol "HTTP and HTTPS"): whether clients use HTTPS (the AWS SDKs\' default) is theirs to choose; not every replica\'s resource policy (Replicas/*/ResourcePolicy) refuses requests without TLS (aws:SecureTransport false)' },
    backup: {
      awsBackup: { service: 'dynamodb', resource: 'table/{name}', name: 'TableName' },
      native: { kind: 'point-in-time', flag: 'Replicas/*/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled', days: 'Replicas/*/PointInTimeRecoverySpecification/RecoveryPeriodInDays', absentDays: 35 },
    },
  },
  'AWS::RDS::DBInstance': {
    noun: 'RDS DB instance',
    tags: 'Tags',
    memberOf: { path: 'DBClusterIdentifier', type: 'AWS::RDS::DBCluster' },
    encryption: { kind: 'flag', path: 'StorageEncrypted', absent: false, key: 'KmsKeyId' },
    inTransit: {
      kind: 'parameter',
      group: { path: 'DBParameterGroupName', type: 'AWS::RDS::DBParameterGroup', format: 'map' },
      engine: 'Engine',
      parameters: [
        MYSQL_TLS(['mysql', 'mariadb']),
        FORCE_SSL(['postgres'], 'Amazon RDS User Guide, "Using SSL with a PostgreSQL DB instance"', {
          path: 'EngineVersion',
          major: 15,
          how: 'Amazon RDS User Guide, "Updating applications to connect to PostgreSQL DB instances using new SSL/TLS certificates" (ssl-certificate-rotation-postgresql): "By default, the rds.force_ssl parameter is set to 0 (off) for DB instances using PostgreSQL versions before 15. By default, rds.force_ssl is set to 1 (on) for DB instances using PostgreSQL version 15 and higher major versions." and "If the rds.force_ssl parameter is set to 1 (on), clients are required to use SSL/TLS to connect"',
        }),
        FORCE_SSL(['sqlserver'], 'Amazon RDS User Guide, "Using SSL with a Microsoft SQL Server DB instance"'),
      ],
    },
    inheritsFrom: [{ path: 'SourceDBInstanceIdentifier', type: 'AWS::RDS::DBInstance', name: 'DBInstanceIdentifier' }],
    backup: { awsBackup: { service: 'rds', resource: 'db:{name}', name: 'DBInstanceIdentifier', lowerCase: true }, native: RDS_RETENTION },
  },
  'AWS::RDS::DBCluster': {
    noun: 'RDS DB cluster',
    tags: 'Tags',
    encryption: { kind: 'flag', path: 'StorageEncrypted', absent: false, key: 'KmsKeyId' },
    inTransit: {
      kind: 'parameter',
      group: { path: 'DBClusterParameterGroupName', type: 'AWS::RDS::DBClusterParameterGroup', format: 'map' },
      engine: 'Engine',
      parameters: [
        MYSQL_TLS(['aurora-mysql', 'mysql']),
        // AWS's sentence that rds.force_ssl defaults to 1 from PostgreSQL 15 is about RDS for PostgreSQL DB instances; no
        // sentence found says so for Aurora PostgreSQL or Multi-AZ DB clusters, so a cluster keeps "offers" whatever its version.
        FORCE_SSL(['aurora-postgresql', 'postgres'], 'Amazon Aurora User Guide, "Securing Aurora PostgreSQL data with SSL/TLS": rds.force_ssl is 0 by default'),
      ],
    },
    inheritsFrom: [{ path: 'SourceDBClusterIdentifier', type: 'AWS::RDS::DBCluster', name: 'DBClusterIdentifier' }],
    backup: { awsBackup: { service: 'rds', resource: 'cluster:{name}', name: 'DBClusterIdentifier', lowerCase: true }, native: RDS_RETENTION },
  },
  'AWS::DocDB::DBCluster': {
    noun: 'DocumentDB cluster',
    tags: 'Tags',
    encryption: { kind: 'flag', path: 'StorageEncrypted', absent: false, key: 'KmsKeyId' },
    inTransit: {
      kind: 'parameter',
      group: { path: 'DBClusterParameterGroupName', type: 'AWS::DocDB::DBClusterParameterGroup', format: 'map' },
      parameters: [{
        name: 'tls', requires: ['enabled', 'tls1.2+', 'tls1.3+', 'fips-140-3'], refuses: ['disabled'], byDefault: 'requires',
        source: 'Amazon DocumentDB Developer Guide, "Encrypting data in transit": enabled by default for new clusters, and then TLS is required to connect',
      }],
    },
    backup: { awsBackup: { service: 'rds', resource: 'cluster:{name}', name: 'DBClusterIdentifier', lowerCase: true }, native: RDS_RETENTION },
  },
  'AWS::DocDB::DBInstance': {
    noun: 'DocumentDB instance',
    tags: 'Tags',
    memberOf: { path: 'DBClusterIdentifier', type: 'AWS::DocDB::DBCluster' },
    encryption: { kind: 'depends', note: 'judged with its cluster' },
    inTransit: { kind: 'cluster' },
  },
  'AWS::DocDBElastic::Cluster': {
    noun: 'DocumentDB elastic cluster',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'DocumentDB elastic clusters are always encrypted at rest (with an AWS owned key unless KmsKeyId names one)' },
    backup: { native: { kind: 'retention', path: 'BackupRetentionPeriod', absent: 1 } },
  },
  'AWS::Neptune::DBCluster': {
    noun: 'Neptune cluster',
    tags: 'Tags',
    encryption: { kind: 'flag', path: 'StorageEncrypted', absent: false, key: 'KmsKeyId' },
    inTransit: {
      kind: 'parameter',
      group: { path: 'DBClusterParameterGroupName', type: 'AWS::Neptune::DBClusterParameterGroup', format: 'map' },
      engine: 'EngineVersion',
      parameters: [{
        // Engine releases before 1.0.4.0 (1.0.1.x, 1.0.2.x, 1.0.3.0; the old 1.0.1.0.200xxx numbering included).
        engines: ['1.0.1.', '1.0.2.', '1.0.3.'],
        name: 'neptune_enforce_ssl', requires: ['1'], byDefault: 'requires',
        source: 'Amazon Neptune User Guide, "Encryption in Transit: Connecting to Neptune Using SSL/HTTPS" (engine releases before 1.0.4.0): "any DB cluster that uses a new DB cluster parameter group is required to use SSL by default", and "in regions where HTTP connections are allowed, you can still enable them by setting the neptune_enforce_ssl parameter to 0"; the default group cannot be edited',
      }],
      tlsOnly: {
        engines: [''],
        byDefault: true,
        how: 'Amazon Neptune User Guide, "Encrypting connections to your Amazon Neptune database with SSL/HTTPS" (docs.aws.amazon.com/neptune/latest/userguide/security-ssl.html): "Beginning with engine version 1.0.4.0, Amazon Neptune only allows Secure Sockets Layer (SSL) connections through HTTPS to any instance or cluster endpoint", at least TLS 1.2; engine release 1.0.4.0 notes: "you must use HTTPS rather than HTTP when connecting to Neptune in all regions", for REST and WebSocket connections. A cluster that names no EngineVersion gets the default release for new clusters, 1.0.4.0 or later since the release (AWS What\'s New, 2020-10-28, "New Amazon Neptune engine release now enforces a minimum version of TLS 1.2 and SSL client connections": 1.0.4.0 became the default version for newly created clusters)',
      },
    },
    inheritsFrom: [{ path: 'SourceDBClusterIdentifier', type: 'AWS::Neptune::DBCluster', name: 'DBClusterIdentifier' }],
    backup: { awsBackup: { service: 'rds', resource: 'cluster:{name}', name: 'DBClusterIdentifier', lowerCase: true }, native: RDS_RETENTION },
  },
  'AWS::Neptune::DBInstance': {
    noun: 'Neptune instance',
    tags: 'Tags',
    memberOf: { path: 'DBClusterIdentifier', type: 'AWS::Neptune::DBCluster' },
    encryption: { kind: 'depends', note: 'judged with its cluster' },
    inTransit: { kind: 'cluster' },
  },
  'AWS::EFS::FileSystem': {
    noun: 'EFS file system',
    tags: 'FileSystemTags',
    encryption: { kind: 'flag', path: 'Encrypted', absent: false, key: 'KmsKeyId' },
    inTransit: {
      kind: 'not-shown',
      why: 'Amazon EFS encrypts data in transit "when encryption of data in transit is declared as a mount option" (Amazon EFS User Guide, "Encrypting data in transit"), a choice of each client, and no file system policy refuses the mounts without TLS (aws:SecureTransport false)',
      tlsPolicy: { inline: 'FileSystemPolicy', actions: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'] },
    },
    backup: {
      awsBackup: { service: 'elasticfilesystem', resource: 'file-system/{name}' },
      native: { kind: 'flag', path: 'BackupPolicy/Status', value: 'ENABLED', what: 'automatic backups (BackupPolicy)' },
    },
  },
  'AWS::FSx::FileSystem': {
    noun: 'FSx file system',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'Amazon FSx encrypts every file system at rest (with an AWS managed key unless KmsKeyId names one)' },
    inTransit: {
      kind: 'not-shown',
      why: 'Amazon FSx encrypts data in transit where the clients do: FSx for Windows File Server with SMB encryption on file shares mapped by clients that support SMB 3.0 or newer, and refuses the other clients only once its SMB configuration is set so through its remote PowerShell management, not CloudFormation (FSx for Windows File Server User Guide, "Encrypting data in transit"); FSx for Lustre scratch 2 and persistent file systems "when the file system is accessed from Amazon EC2 instances that support encryption in transit" (FSx for Lustre User Guide, "Encrypting data in transit"); FSx for ONTAP and OpenZFS through the SMB, NFS or Kerberos settings of their volumes and clients',
    },
    backup: {
      awsBackup: { service: 'fsx', resource: 'file-system/{name}' },
      native: {
        kind: 'retention',
        path: '<Configuration>/AutomaticBackupRetentionDays',
        note: 'per file system type: WindowsConfiguration, OntapConfiguration, OpenZFSConfiguration (default 30 days) or LustreConfiguration (AWS documents both 0 and 30 as the default: state it); scratch Lustre file systems take no backups',
      },
    },
  },
  'AWS::EC2::Volume': {
    noun: 'EBS volume',
    tags: 'Tags',
    encryption: { kind: 'flag', path: 'Encrypted', absent: false, key: 'KmsKeyId' },
    backup: { awsBackup: { service: 'ec2', resource: 'volume/{name}' } },
  },
  'AWS::EC2::Instance': {
    noun: 'EC2 instance',
    tags: 'Tags',
    encryption: { kind: 'volumes' },
    backup: { awsBackup: { service: 'ec2', resource: 'instance/{name}' } },
  },
  'AWS::AutoScaling::AutoScalingGroup': {
    noun: 'Auto Scaling group',
    tags: 'Tags',
    encryption: { kind: 'volumes' },
    backup: { awsBackup: { service: 'ec2', resource: 'instance/{name}' } },
  },
  'AWS::OpenSearchService::Domain': { noun: 'OpenSearch domain', ...SEARCH_DOMAIN },
  'AWS::Elasticsearch::Domain': { noun: 'Elasticsearch domain', ...SEARCH_DOMAIN },
  'AWS::ElastiCache::ReplicationGroup': {
    noun: 'ElastiCache replication group',
    tags: 'Tags',
    encryption: { kind: 'flag', path: 'AtRestEncryptionEnabled', absent: false },
    inTransit: {
      kind: 'settings',
      settings: [
        { path: 'TransitEncryptionEnabled', encrypted: [true, 'true'], absent: false, otherwise: 'clients and replicas exchange data in clear' },
        { path: 'TransitEncryptionMode', encrypted: ['required'], absent: 'required', otherwise: 'the group accepts connections in clear as well' },
      ],
    },
    backup: { native: { kind: 'retention', path: 'SnapshotRetentionLimit', absent: 0 } },
  },
  'AWS::ElastiCache::CacheCluster': {
    noun: 'ElastiCache cache cluster',
    tags: 'Tags',
    memberOf: { path: 'ReplicationGroupId', type: 'AWS::ElastiCache::ReplicationGroup' },
    encryption: { kind: 'depends', note: 'Memcached keeps data in memory only; a single-node Redis OSS or Valkey cluster cannot encrypt its snapshots and disk (a replication group can)' },
    inTransit: { kind: 'settings', settings: [{ path: 'TransitEncryptionEnabled', encrypted: [true, 'true'], absent: false, otherwise: 'clients exchange data with the cluster in clear' }] },
    backup: { native: { kind: 'retention', path: 'SnapshotRetentionLimit', absent: 0, note: 'Redis OSS and Valkey only; Memcached keeps nothing to back up' } },
  },
  'AWS::ElastiCache::ServerlessCache': {
    noun: 'ElastiCache serverless cache',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'ElastiCache Serverless always encrypts data at rest (with an AWS owned key unless KmsKeyId names one)' },
    inTransit: { kind: 'always', how: 'ElastiCache Serverless accepts TLS connections only' },
    backup: { native: { kind: 'retention', path: 'SnapshotRetentionLimit', absent: 0 } },
  },
  'AWS::MemoryDB::Cluster': {
    noun: 'MemoryDB cluster',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'MemoryDB always encrypts data at rest (with an AWS owned key unless KmsKeyId names one)' },
    inTransit: { kind: 'settings', settings: [{ path: 'TLSEnabled', encrypted: [true, 'true'], absent: true, otherwise: 'clients and replicas exchange data in clear' }] },
    backup: { native: { kind: 'retention', path: 'SnapshotRetentionLimit' } },
  },
  'AWS::Redshift::Cluster': {
    noun: 'Redshift cluster',
    tags: 'Tags',
    encryption: { kind: 'flag', path: 'Encrypted', absent: false, key: 'KmsKeyId' },
    inTransit: {
      kind: 'parameter',
      group: { path: 'ClusterParameterGroupName', type: 'AWS::Redshift::ClusterParameterGroup', format: 'list' },
      parameters: [{
        name: 'require_ssl', requires: ['true'], byDefault: 'offers',
        source: 'Amazon Redshift Management Guide, "Configuring security options for connections"; AWS Config rule redshift-require-tls-ssl',
      }],
    },
    backup: {
      awsBackup: { service: 'redshift', resource: 'cluster:{name}', name: 'ClusterIdentifier', lowerCase: true },
      native: { kind: 'retention', path: 'AutomatedSnapshotRetentionPeriod', absent: 1 },
    },
  },
  'AWS::RedshiftServerless::Namespace': {
    noun: 'Redshift Serverless namespace',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'Redshift Serverless always encrypts a namespace at rest (with an AWS owned key unless KmsKeyId names one)' },
    inTransit: {
      kind: 'served-by',
      via: { type: 'AWS::RedshiftServerless::Workgroup', path: 'NamespaceName', name: 'NamespaceName' },
      parameters: { path: 'ConfigParameters', key: 'require_ssl', requires: ['true'] },
      source: 'AWS CloudFormation, AWS::RedshiftServerless::Workgroup ConfigParameter (require_ssl); AWS Config rule redshift-serverless-workgroup-encrypted-in-transit ("Checks if AWS Redshift Serverless workgroups have the require_ssl config parameter set to true")',
    },
    backup: { awsBackup: { service: 'redshift-serverless', resource: 'namespace/{name}' } },
  },
  'AWS::Kinesis::Stream': {
    noun: 'Kinesis data stream',
    tags: 'Tags',
    encryption: { kind: 'object', path: 'StreamEncryption', field: 'EncryptionType', values: ['KMS'] },
    inTransit: { kind: 'always', how: 'Kinesis Data Streams endpoints accept HTTPS only (AWS General Reference, "Amazon Kinesis Data Streams endpoints and quotas", docs.aws.amazon.com/general/latest/gr/ak.html: protocol HTTPS in every Region)' },
    backup: IN_TRANSIT('A data stream'),
  },
  'AWS::KinesisFirehose::DeliveryStream': {
    noun: 'Firehose stream',
    tags: 'Tags',
    encryption: {
      kind: 'depends',
      note: 'a Direct PUT stream buffers the records it receives: DeliveryStreamEncryptionConfigurationInput encrypts them at rest; a stream reading a Kinesis data stream or an MSK topic stores nothing of its own (the source is read)',
    },
    inTransit: { kind: 'always', how: 'Amazon Data Firehose endpoints accept HTTPS only (AWS General Reference, "Amazon Data Firehose endpoints and quotas", docs.aws.amazon.com/general/latest/gr/fh.html: protocol HTTPS in every Region)' },
    backup: IN_TRANSIT('A Firehose stream'),
  },
  'AWS::MSK::Cluster': {
    noun: 'MSK cluster',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'Amazon MSK always encrypts broker storage at rest (with an AWS managed key unless EncryptionInfo names one)' },
    inTransit: {
      kind: 'settings',
      settings: [
        { path: 'EncryptionInfo/EncryptionInTransit/ClientBroker', encrypted: ['TLS'], absent: 'TLS', otherwise: 'clients may exchange data with the brokers in clear' },
        { path: 'EncryptionInfo/EncryptionInTransit/InCluster', encrypted: [true, 'true'], absent: true, otherwise: 'the brokers exchange data in clear' },
      ],
    },
    backup: IN_TRANSIT('A Kafka cluster'),
  },
  'AWS::MSK::ServerlessCluster': {
    noun: 'MSK Serverless cluster',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'MSK Serverless always encrypts data at rest' },
    inTransit: { kind: 'always', how: 'MSK Serverless accepts TLS connections only' },
    backup: IN_TRANSIT('A Kafka cluster'),
  },
  'AWS::SQS::Queue': {
    noun: 'SQS queue',
    tags: 'Tags',
    encryption: { kind: 'flag', path: 'SqsManagedSseEnabled', absent: true, key: 'KmsMasterKeyId' },
    inTransit: {
      kind: 'sse',
      key: 'KmsMasterKeyId',
      flag: { path: 'SqsManagedSseEnabled', absent: true },
      how: 'Amazon SQS Developer Guide, "Encryption at rest" (SSE-SQS or SSE-KMS): "All requests to queues with SSE enabled must use HTTPS and Signature Version 4"',
      otherwise: 'Amazon SQS endpoints accept HTTP as well as HTTPS (AWS General Reference, "Amazon Simple Queue Service endpoints and quotas")',
      tlsPolicy: {
        resources: [{ type: 'AWS::SQS::QueuePolicy', targets: 'Queues' }, { type: 'AWS::SQS::QueueInlinePolicy', targets: 'Queue' }],
        actions: ['sqs:SendMessage', 'sqs:ReceiveMessage'],
      },
    },
    backup: IN_TRANSIT('A queue'),
  },
  'AWS::SNS::Topic': {
    noun: 'SNS topic',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'Amazon SNS stores messages on encrypted disks (server-side encryption with a KMS key adds per-message encryption)' },
    inTransit: {
      kind: 'sse',
      key: 'KmsMasterKeyId',
      how: 'Amazon SNS Developer Guide, "Securing Amazon SNS data with server-side encryption": "All requests to topics with SSE enabled must use HTTPS and Signature Version 4"',
      otherwise: 'Amazon SNS endpoints accept HTTP as well as HTTPS (AWS General Reference, "Amazon Simple Notification Service endpoints and quotas")',
      tlsPolicy: { resources: [{ type: 'AWS::SNS::TopicPolicy', targets: 'Topics' }, { type: 'AWS::SNS::TopicInlinePolicy', targets: 'TopicArn' }], actions: ['sns:Publish'] },
      // An http subscription receives each message as an HTTP POST in clear (the https protocol uses TLS).
      deliveries: { inline: 'Subscription', type: 'AWS::SNS::Subscription', target: 'TopicArn', protocol: 'Protocol', endpoint: 'Endpoint', clear: SNS_PROTOCOLS_IN_CLEAR },
    },
    backup: IN_TRANSIT('A topic'),
  },
  'AWS::AmazonMQ::Broker': {
    noun: 'Amazon MQ broker',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'Amazon MQ always encrypts message data at rest (with an AWS owned key unless EncryptionOptions names a KMS key)' },
    inTransit: {
      kind: 'always',
      how: 'Amazon MQ brokers, public or private, accept client connections over TLS only: an ActiveMQ broker\'s wire-level endpoints are ssl://, amqp+ssl://, stomp+ssl://, mqtt+ssl:// and wss://, and its web console https:// (Amazon MQ Developer Guide, "Amazon MQ for ActiveMQ brokers": "by enabling TLS explicitly for the following protocols"); a RabbitMQ broker listens on 5671 for "the secure AMQP URL" and on 443 and 15671 for the web console and management API over HTTPS (Amazon MQ Developer Guide, "Using Amazon MQ for RabbitMQ", Listener ports). No broker property turns TLS off.',
    },
    backup: IN_TRANSIT('A message broker'),
  },
  'AWS::Logs::LogGroup': {
    noun: 'log group',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'CloudWatch Logs always encrypts log data at rest (with a service key unless KmsKeyId names a KMS key)' },
    inTransit: { kind: 'always', how: 'CloudWatch Logs endpoints accept HTTPS only (AWS General Reference, "Amazon CloudWatch Logs endpoints and quotas", docs.aws.amazon.com/general/latest/gr/cwl_region.html: protocol HTTPS in every Region)' },
    backup: { notApplicable: 'CloudWatch Logs keeps log data durably for the group\'s retention; consolidating it into the central log store is item 2.3' },
  },
  'AWS::Backup::BackupVault': {
    noun: 'backup vault',
    tags: 'BackupVaultTags',
    encryption: { kind: 'always', how: 'AWS Backup encrypts every recovery point in a vault (with an AWS managed key unless EncryptionKeyArn names one)' },
    inTransit: { kind: 'always', how: 'AWS Backup endpoints accept HTTPS only (AWS General Reference, "AWS Backup endpoints and quotas", docs.aws.amazon.com/general/latest/gr/bk.html: protocol HTTPS in every Region)' },
    backup: { notApplicable: 'a backup vault holds the backups themselves; copies to another account or region are item 2.13' },
  },
  'AWS::DAX::Cluster': {
    noun: 'DAX cluster',
    tags: 'Tags',
    encryption: { kind: 'flag', path: 'SSESpecification/SSEEnabled', absent: false },
    inTransit: { kind: 'settings', settings: [{ path: 'ClusterEndpointEncryptionType', encrypted: ['TLS'], absent: 'NONE', otherwise: 'the cluster endpoint serves clients in clear' }] },
    backup: { notApplicable: 'a DAX cluster caches a DynamoDB table, which is backed up itself' },
  },
  'AWS::Events::Archive': {
    noun: 'EventBridge archive',
    // AWS::Events::Archive takes no Tags in CloudFormation: the archive keeps events of its source bus, so the bus's
    // classification is the archive's (an archive of a bus outside the app cannot be shown classified).
    tags: 'Tags',
    tagsOf: { path: 'SourceArn', type: 'AWS::Events::EventBus', name: 'Name', noun: 'source event bus' },
    encryption: {
      kind: 'always',
      how: 'EventBridge encrypts the events stored in an archive with an AWS owned key by default, or with the customer managed key KmsKeyIdentifier names (Amazon EventBridge User Guide, "Encrypting EventBridge archives with AWS KMS keys": "use a customer managed key to encrypt events stored in an archive, rather than use an AWS owned key as is the default")',
    },
    inTransit: {
      kind: 'always',
      how: 'the archive is written by EventBridge itself and read back only by replaying it through EventBridge, whose endpoints accept HTTPS only (AWS General Reference, "Amazon EventBridge endpoints and quotas", docs.aws.amazon.com/general/latest/gr/ev.html: protocol HTTPS in every Region)',
    },
    backup: {
      notApplicable: 'an archive is itself a retained copy of the events its bus carried, kept for replay (RetentionDays); the events come to rest, and are backed up, in the stores of the rules\' targets, and AWS Backup protects no EventBridge resource (AWS Backup API Reference, GetSupportedResourceTypes)',
    },
  },
  'AWS::ECR::Repository': {
    noun: 'ECR repository',
    tags: 'Tags',
    encryption: { kind: 'always', how: 'Amazon ECR encrypts every image at rest (AES-256 unless EncryptionConfiguration names a KMS key)' },
    inTransit: { kind: 'always', how: 'Amazon ECR API and registry (docker) endpoints accept HTTPS only (AWS General Reference, "Amazon ECR endpoints and quotas", docs.aws.amazon.com/general/latest/gr/ecr.html: protocol HTTPS in every Region)' },
  },
  'AWS::Cognito::UserPool': {
    noun: 'Cognito user pool',
    tags: 'UserPoolTags',
    encryption: { kind: 'always', how: 'Amazon Cognito encrypts user pool data at rest' },
    inTransit: { kind: 'always', how: 'Amazon Cognito user pool endpoints accept HTTPS only (AWS General Reference, "Amazon Cognito endpoints and quotas", docs.aws.amazon.com/general/latest/gr/cognito.html: protocol HTTPS in every Region)' },
  },
};

/** The facts of a data-store type, or undefined for a type the table does not list. */
export function dataStoreFacts(type: string): DataStoreFacts | undefined {
  return Object.prototype.hasOwnProperty.call(DATA_STORES, type) ? DATA_STORES[type] : undefined;
}

/** The FSx configuration property of each file system type (`FileSystemType`). */
export const FSX_CONFIGURATIONS: { readonly [fileSystemType: string]: string } = {
  WINDOWS: 'WindowsConfiguration',
  ONTAP: 'OntapConfiguration',
  OPENZFS: 'OpenZFSConfiguration',
  LUSTRE: 'LustreConfiguration',
};

/**
 * The ARN a data store will have, for matching AWS Backup selections: generated names and ids are `<generated>`,
 * matched only by wildcards. Undefined when AWS Backup does not protect the type.
 */
export function backupArnOf(
  type: string,
  properties: { readonly [key: string]: unknown },
  env: { readonly partition?: string; readonly region?: string; readonly account?: string },
): string | undefined {
  const arn = dataStoreFacts(type)?.backup?.awsBackup;
  if (!arn) return undefined;
  const literal = arn.name !== undefined && typeof properties[arn.name] === 'string' ? properties[arn.name] as string : undefined;
  const name = literal === undefined ? '<generated>' : arn.lowerCase ? literal.toLowerCase() : literal;
  const partition = env.partition ?? 'aws';
  if (arn.global) return `arn:${partition}:${arn.service}:::${arn.resource.replace('{name}', name)}`;
  return `arn:${partition}:${arn.service}:${env.region ?? '<region>'}:${env.account ?? '<account>'}:${arn.resource.replace('{name}', name)}`;
}
