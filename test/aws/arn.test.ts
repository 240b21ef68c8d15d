import { formatArn, parseArn } from '../../lib/aws';

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
