import { arnFields, DeployTimeValue, formatArn, parseArn, ResourceValue, Text } from '../../lib/aws';

describe('aws/arn', () => {
  test.each([
    ['arn:aws:backup:eu-west-1:444444444444:backup-vault:dr', { partition: 'aws', service: 'backup', region: 'eu-west-1', account: '444444444444', resource: 'backup-vault:dr' }],
    ['arn:aws:s3:::my-bucket/key:with:colons', { partition: 'aws', service: 's3', region: '', account: '', resource: 'my-bucket/key:with:colons' }],
    ['arn:aws:iam::aws:policy/AdministratorAccess', { partition: 'aws', service: 'iam', region: '', account: 'aws', resource: 'policy/AdministratorAccess' }],
    ['arn:aws-cn:logs:cn-north-1:111111111111:destination:central', { partition: 'aws-cn', service: 'logs', region: 'cn-north-1', account: '111111111111', resource: 'destination:central' }],
    ['arn:aws-us-gov:kms:us-gov-west-1:111111111111:key/mrk-1', { partition: 'aws-us-gov', service: 'kms', region: 'us-gov-west-1', account: '111111111111', resource: 'key/mrk-1' }],
    ['arn:aws-iso-b:ec2:us-isob-east-1:111111111111:vpc/vpc-1', { partition: 'aws-iso-b', service: 'ec2', region: 'us-isob-east-1', account: '111111111111', resource: 'vpc/vpc-1' }],
  ])('parses %s, and formats it back', (text, arn) => {
    // GIVEN / WHEN / THEN
    expect(parseArn(text)).toEqual(arn);
    expect(formatArn(arn)).toBe(text);
  });

  test.each([
    'arn:aws:backup:eu-west-1:1234:backup-vault:dr',
    'arn:aws-mars:s3:::bucket',
    'arn:AWS:s3:::bucket',
    'arn:aws:s3:::',
    'arn:aws:s3',
    'arn:aws::eu-west-1:111111111111:x',
    'arn:aws:logs:eu-west-1:${AWS::AccountId}:destination:d',
    'not-an-arn',
    '',
  ])('refuses %s', (text) => {
    // GIVEN / WHEN / THEN
    expect(parseArn(text)).toBeUndefined();
  });
});

describe('aws/arn: arnFields of values a template builds', () => {
  const account = new DeployTimeValue('pseudo', 'AWS::AccountId', 'S', { Ref: 'AWS::AccountId' });
  const partition = new DeployTimeValue('pseudo', 'AWS::Partition', 'S', { Ref: 'AWS::Partition' });

  test('a literal ARN', () => {
    // GIVEN / WHEN / THEN
    expect(arnFields('arn:aws:backup:eu-west-2:222222222222:backup-vault:dr:x')).toEqual({ partition: 'aws', service: 'backup', region: 'eu-west-2', account: '222222222222', resource: 'backup-vault:dr:x' });
  });

  test('a text whose partition and account are known only at deploy time', () => {
    // GIVEN
    const text = new Text(['arn:', partition, ':backup:eu-west-2:', account, ':backup-vault:dr']);
    // WHEN / THEN
    expect(arnFields(text)).toEqual({ partition, service: 'backup', region: 'eu-west-2', account, resource: 'backup-vault:dr' });
  });

  test('a field mixing literal text and a reference is a text', () => {
    // GIVEN
    const bucket = new ResourceValue({ logicalId: 'B', type: 'AWS::S3::Bucket', properties: {}, path: 'S/B', stack: { path: 'S', template: {}, resources: new Map() } });
    // WHEN
    const fields = arnFields(new Text(['arn:aws:s3:::', bucket, '/*']));
    // THEN
    expect(fields?.resource).toEqual(new Text([bucket, '/*']));
    expect(fields?.account).toBe('');
  });

  test('not an ARN', () => {
    // GIVEN / WHEN / THEN
    expect(arnFields('my-bucket')).toBeUndefined();
    expect(arnFields('arn:aws:s3')).toBeUndefined();
    expect(arnFields(42)).toBeUndefined();
  });
});
