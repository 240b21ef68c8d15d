import { App, Stack } from 'aws-cdk-lib';
import { backupCopyKeyStatements, kmsViaServiceName, regionalServiceName } from '../../../constructs/core';

// "Use the .amazonaws.com suffix of the AWS KMS ViaService name in all AWS partitions" (AWS KMS developer guide,
// "AWS KMS condition keys"): a kms:ViaService value never takes the partition's URL suffix, unlike a service principal.
const stackIn = (region: string) => new Stack(new App(), `In-${region}`, { env: { account: '111111111111', region } });

describe('kmsViaServiceName: the value kms:ViaService has, SERVICE.REGION.amazonaws.com in every partition', () => {
  test.each([
    ['aws', 'eu-west-1', 's3.eu-west-1.amazonaws.com'],
    ['aws-cn', 'cn-north-1', 's3.cn-north-1.amazonaws.com'],
    ['aws-us-gov', 'us-gov-west-1', 's3.us-gov-west-1.amazonaws.com'],
  ])('%s (%s)', (_partition, region, expected) => {
    // GIVEN
    const stack = stackIn(region);
    // WHEN / THEN
    expect(stack.resolve(kmsViaServiceName(stack, 's3'))).toBe(expected);
  });

  test('a region-agnostic stack names its own region, still with amazonaws.com', () => {
    // GIVEN
    const stack = new Stack(new App(), 'Agnostic');
    // WHEN / THEN
    expect(stack.resolve(kmsViaServiceName(stack, 'backup'))).toEqual({ 'Fn::Join': ['', ['backup.', { Ref: 'AWS::Region' }, '.amazonaws.com']] });
  });

  test('a service principal, by contrast, keeps the partition suffix (amazonaws.com.cn in China)', () => {
    // GIVEN
    const stack = stackIn('cn-north-1');
    // WHEN / THEN
    expect(stack.resolve(regionalServiceName(stack, 'logs'))).toEqual({ 'Fn::Join': ['', ['logs.cn-north-1.', { Ref: 'AWS::URLSuffix' }]] });
  });
});

describe('backupCopyKeyStatements: the copy account uses the key through AWS Backup or EBS of any region', () => {
  test.each(['eu-west-1', 'cn-north-1'])('in %s the condition names backup.*.amazonaws.com and ec2.*.amazonaws.com (StringLike)', (region) => {
    // GIVEN
    const stack = stackIn(region);
    // WHEN
    const [use, grants] = backupCopyKeyStatements(stack, '444444444444').map((s) => stack.resolve(s.toStatementJson()));
    // THEN
    expect(use.Condition).toEqual({ StringLike: { 'kms:ViaService': ['backup.*.amazonaws.com', 'ec2.*.amazonaws.com'] } });
    expect(grants.Condition).toEqual({ Bool: { 'kms:GrantIsForAWSResource': true } });
  });
});
