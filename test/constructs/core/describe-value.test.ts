import { Duration, Token } from 'aws-cdk-lib';
import { describeValue } from '../../../constructs/core';

describe('describeValue: how a received value reads in an error message', () => {
  test.each<[string, unknown, string]>([
    ['a string', 'abc', "'abc'"],
    ['a number', 42, '42'],
    ['nothing', undefined, 'nothing'],
    ['a string token', Token.asString({ Ref: 'P' }), 'an unresolved token'],
    ['a list token', Token.asList({ Ref: 'P' }), 'an unresolved token list'],
    ['a duration', Duration.hours(4), "'4 hours'"],
    ['a duration of a token', Duration.minutes(Token.asNumber({ Ref: 'P' })), 'an unresolved token'],
  ])('%s', (_, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});
