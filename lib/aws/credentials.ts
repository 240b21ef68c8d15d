/**
 * Facts about credentials in CloudFormation templates: which properties of which resource types hold a password, a
 * token or a key (CloudFormation documents them as write-only), which attributes return a secret, and what a dynamic
 * reference reads. For the rules of items 1.10 (no hard-coded credentials) and 1.11 (credentials encrypted at rest).
 */

/**
 * Property paths holding a credential, by resource type (`*` stands for every element of a list). Each is a value
 * the service uses to authenticate someone: a literal there is a credential written into the template.
 */
export const CREDENTIAL_PROPERTIES: { readonly [type: string]: readonly string[] } = {
  'AWS::RDS::DBInstance': ['MasterUserPassword', 'TdeCredentialPassword'],
  'AWS::RDS::DBCluster': ['MasterUserPassword'],
  'AWS::Redshift::Cluster': ['MasterUserPassword'],
  'AWS::RedshiftServerless::Namespace': ['AdminUserPassword'],
  'AWS::DocDB::DBCluster': ['MasterUserPassword'],
  'AWS::DocDBElastic::Cluster': ['AdminUserPassword'],
  'AWS::Lightsail::Database': ['MasterUserPassword'],
  'AWS::ElastiCache::ReplicationGroup': ['AuthToken'],
  'AWS::ElastiCache::User': ['Passwords/*'],
  'AWS::MemoryDB::User': ['AuthenticationMode/Passwords/*'],
  'AWS::OpenSearchService::Domain': ['AdvancedSecurityOptions/MasterUserOptions/MasterUserPassword'],
  'AWS::Elasticsearch::Domain': ['AdvancedSecurityOptions/MasterUserOptions/MasterUserPassword'],
  'AWS::AmazonMQ::Broker': ['Users/*/Password'],
  'AWS::DirectoryService::MicrosoftAD': ['Password'],
  'AWS::DirectoryService::SimpleAD': ['Password'],
  'AWS::FSx::FileSystem': ['WindowsConfiguration/SelfManagedActiveDirectoryConfiguration/Password', 'OntapConfiguration/FsxAdminPassword'],
  'AWS::FSx::StorageVirtualMachine': ['SvmAdminPassword', 'ActiveDirectoryConfiguration/SelfManagedActiveDirectoryConfiguration/Password'],
  'AWS::DMS::Endpoint': ['Password', 'MongoDbSettings/Password', 'RedisSettings/AuthPassword', 'OracleSettings/AsmPassword', 'OracleSettings/SecurityDbEncryption'],
  'AWS::EMR::Cluster': ['KerberosAttributes/KdcAdminPassword', 'KerberosAttributes/CrossRealmTrustPrincipalPassword', 'KerberosAttributes/ADDomainJoinPassword'],
  'AWS::EC2::VPNConnection': ['VpnTunnelOptionsSpecifications/*/PreSharedKey'],
  'AWS::IAM::User': ['LoginProfile/Password'],
  'AWS::Glue::Connection': ['ConnectionInput/ConnectionProperties/PASSWORD'],
  'AWS::Events::Connection': ['AuthParameters/BasicAuthParameters/Password', 'AuthParameters/ApiKeyAuthParameters/ApiKeyValue', 'AuthParameters/OAuthParameters/ClientParameters/ClientSecret'],
  'AWS::DataSync::LocationSMB': ['Password'],
  'AWS::DataSync::LocationFSxWindows': ['Password'],
  'AWS::DataSync::LocationFSxONTAP': ['Protocol/SMB/Password'],
  'AWS::DataSync::LocationObjectStorage': ['SecretKey'],
  'AWS::QuickSight::DataSource': ['Credentials/CredentialPair/Password'],
  'AWS::Amplify::App': ['AccessToken', 'OauthToken', 'BasicAuthConfig/Password'],
  'AWS::Amplify::Branch': ['BasicAuthConfig/Password'],
  'AWS::CodeBuild::SourceCredential': ['Token'],
  'AWS::CodePipeline::Webhook': ['AuthenticationConfiguration/SecretToken'],
};

/**
 * The credential properties whose value signs in to AWS itself, by resource type: an IAM user's console password (the
 * "credentials used to integration with AWS" of the customer-deployed cells of item 1.10, with access keys, which are
 * free text or attributes, and the secrets AWS services issue, {@link SECRET_ATTRIBUTES}).
 */
export const AWS_CREDENTIAL_PROPERTIES: { readonly [type: string]: readonly string[] } = {
  'AWS::IAM::User': ['LoginProfile/Password'],
};

/** Attributes (`Fn::GetAtt`) that return a secret, by resource type. */
export const SECRET_ATTRIBUTES: { readonly [type: string]: readonly string[] } = {
  'AWS::IAM::AccessKey': ['SecretAccessKey'],
  'AWS::Cognito::UserPoolClient': ['ClientSecret'],
  'AWS::AppSync::ApiKey': ['ApiKey'],
};

/** Whether `attribute` of a resource of `type` returns a secret. */
export function isSecretAttribute(type: string, attribute: string | undefined): boolean {
  return attribute !== undefined && (SECRET_ATTRIBUTES[type]?.includes(attribute) ?? false);
}

/**
 * What a CloudFormation dynamic reference (`{{resolve:<service>:<reference>}}`) reads:
 * - `secretsmanager`: a Secrets Manager secret (encrypted at rest with a KMS key);
 * - `ssm-secure`: a `SecureString` parameter (encrypted with a KMS key);
 * - `ssm`: a `String` or `StringList` parameter, stored as plain text.
 * CloudFormation resolves it at deploy time and never shows the value of the first two.
 */
export type DynamicReferenceService = 'secretsmanager' | 'ssm-secure' | 'ssm';

/** The dynamic reference a text starts with (`{{resolve:secretsmanager:...}}`), or undefined. */
export function dynamicReference(text: string): { readonly service: DynamicReferenceService; readonly reference: string } | undefined {
  const m = /^\{\{resolve:(secretsmanager|ssm-secure|ssm):([^}]*)/.exec(text.trim());
  return m ? { service: m[1] as DynamicReferenceService, reference: m[2] } : undefined;
}

/** Whether a dynamic reference reads a value CloudFormation keeps encrypted (a secret, or a `SecureString` parameter). */
export function isEncryptedReference(service: DynamicReferenceService): boolean {
  return service !== 'ssm';
}
