import { partitionOf, pseudoParameterValue, REGION_NAME, resolveString } from '../../lib/aws';

describe('aws/partitions', () => {
  test.each([
    ['eu-west-1', 'aws', 'amazonaws.com'],
    ['us-east-1', 'aws', 'amazonaws.com'],
    ['cn-northwest-1', 'aws-cn', 'amazonaws.com.cn'],
    ['us-gov-west-1', 'aws-us-gov', 'amazonaws.com'],
    ['us-iso-east-1', 'aws-iso', 'c2s.ic.gov'],
    ['us-isob-east-1', 'aws-iso-b', 'sc2s.sgov.gov'],
    ['eu-isoe-west-1', 'aws-iso-e', 'cloud.adc-e.uk'],
    ['us-isof-south-1', 'aws-iso-f', 'csp.hci.ic.gov'],
    ['eusc-de-east-1', 'aws-eusc', 'amazonaws.eu'],
  ])('%s is in partition %s (%s)', (region, partition, suffix) => {
    // GIVEN / WHEN / THEN
    expect(partitionOf(region)).toMatchObject({ id: partition, dnsSuffix: suffix });
    expect(pseudoParameterValue('AWS::Partition', { region })).toBe(partition);
    expect(pseudoParameterValue('AWS::URLSuffix', { region })).toBe(suffix);
  });

  test('region names', () => {
    // GIVEN / WHEN / THEN
    expect(['eu-west-1', 'ap-southeast-7', 'us-gov-west-1'].every((r) => REGION_NAME.test(r))).toBe(true);
    expect(['eu-west', 'EU-WEST-1', 'eu_west_1', 'eu-west-1a', 'mars-north-9x', 'useast1'].some((r) => REGION_NAME.test(r))).toBe(false);
    expect(partitionOf('eu-west')).toBeUndefined();
  });

  test('pseudo parameters of an environment-agnostic stack are unknown', () => {
    // GIVEN / WHEN / THEN
    for (const p of ['AWS::AccountId', 'AWS::Region', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::StackName']) expect(pseudoParameterValue(p, {})).toBeUndefined();
    expect(pseudoParameterValue('AWS::AccountId', { account: '111111111111' })).toBe('111111111111');
  });

  test('resolveString substitutes pseudo parameters in Join and Sub, and gives up on anything else', () => {
    // GIVEN
    const env = { account: '111111111111', region: 'cn-north-1' };
    // WHEN / THEN
    expect(resolveString({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':destination:d']] }, env))
      .toBe('arn:aws-cn:logs:cn-north-1:111111111111:destination:d');
    expect(resolveString({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b-${AWS::AccountId}-${!Literal}' }, env)).toBe('arn:aws-cn:s3:::b-111111111111-${Literal}');
    expect(resolveString({ 'Fn::Sub': ['x-${Name}', { Name: 'n' }] }, env)).toBe('x-n');
    expect(resolveString({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::b' }, {})).toBe('arn:aws:s3:::b');
    expect(resolveString({ 'Fn::Join': ['', ['a', { Ref: 'Bucket' }]] }, env)).toBeUndefined();
    expect(resolveString({ 'Fn::Sub': 'x-${AWS::AccountId}' }, {})).toBeUndefined();
    expect(resolveString(42, env)).toBe('42');
  });
});
