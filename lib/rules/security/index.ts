// The security rules (checklist items 1.x). One rule per file; this list is the only registry.
export * from './TrailMultiRegion';
export * from './TrailLogFileValidation';
export * from './TrailBucketInAnotherAccount';
export * from './TrailBucketVersioned';
export * from './SecurityGroupNoOpenIngress';
export * from './SecurityGroupNoAllPortsRule';
export * from './BucketBlockPublicAccess';
export * from './BucketNoPublicAcl';
export * from './S3BucketEncrypted';
export * from './EbsVolumeEncrypted';
export * from './RdsStorageEncrypted';
export * from './DynamoDbTableEncrypted';
export * from './EfsFileSystemEncrypted';
export * from './SqsQueueEncrypted';
export * from './SnsTopicEncrypted';
export * from './LogGroupEncrypted';
