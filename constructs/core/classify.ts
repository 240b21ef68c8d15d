import { Tags } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { DataClassification, TAGS } from '../../lib/conventions';

/**
 * Priority of the classification a construct gives its own data stores: below the CDK default (100), so a partner's
 * `Tags.of(scope).add('DataClassification', ...)` on the store, the construct or the whole stack wins.
 */
export const DEFAULT_CLASSIFICATION_PRIORITY = 50;

/**
 * Tags a data store the construct creates with the classification of what it holds (checklist 1.21): alarm and job
 * notifications are `internal`, audit logs and recovery points `restricted`. A tag of the app overrides it.
 */
export function classifyByDefault(store: IConstruct, classification: DataClassification, options: { readonly applyToLaunchedInstances?: boolean } = {}): void {
  Tags.of(store).add(TAGS.DATA_CLASSIFICATION, classification, { priority: DEFAULT_CLASSIFICATION_PRIORITY, applyToLaunchedInstances: options.applyToLaunchedInstances });
}
