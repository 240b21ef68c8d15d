// The deployment-readiness checks, one per file: facts AWS publishes that decide whether a template deploys and works.
export * from './BackupCopyKeyCustomerManaged';
export * from './ConfigDeliveryBucketUnlocked';
export * from './ConfigRecorderFirst';
export * from './ManagedPolicyExists';
export * from './PolicyActionsExist';
export * from './PolicyConditionKeysExist';
export * from './PublisherKeyAccess';
export * from './ServiceLinkedRoleKeyAccess';
export * from './TrailBucketKeyDecrypt';
