import { blockSize, cidrProblem, cidrsOverlap, findOverlaps, isIpv4Address, numberToIpv4, parseCidr, subnetPrefixFor } from '../../../constructs/multi-az-vpc/cidr';

describe('cidr maths', () => {
  test('isIpv4Address accepts dotted quads and refuses the rest', () => {
    // GIVEN / WHEN / THEN
    expect(['0.0.0.0', '10.0.0.1', '255.255.255.255'].map(isIpv4Address)).toEqual([true, true, true]);
    expect(['256.0.0.1', '10.0.0', '10.0.0.01', 'a.b.c.d', '10.0.0.0/8', ''].map(isIpv4Address)).toEqual([false, false, false, false, false, false]);
  });

  test('parseCidr reads network and prefix', () => {
    // GIVEN
    const cidr = parseCidr('10.1.0.0/16');
    // THEN
    expect(cidr).toEqual({ network: 10 * 2 ** 24 + 1 * 2 ** 16, prefix: 16, text: '10.1.0.0/16' });
    expect(numberToIpv4(cidr!.network)).toBe('10.1.0.0');
    expect(blockSize(16)).toBe(65536);
  });

  test('cidrProblem explains malformed blocks', () => {
    expect(cidrProblem('10.0.0.0/16')).toBeUndefined();
    expect(cidrProblem('10.0.0.0')).toMatch(/must be an IPv4 CIDR block/);
    expect(cidrProblem('10.0.0.300/16')).toMatch(/must be an IPv4 CIDR block/);
    expect(cidrProblem('10.0.0.0/33')).toMatch(/prefix length between 0 and 32/);
    expect(cidrProblem('10.0.1.0/16')).toMatch(/host bits set \(did you mean 10\.0\.0\.0\/16\?\)/);
    expect(parseCidr('10.0.1.0/16')).toBeUndefined();
  });

  test('cidrsOverlap: nested and partial overlaps, adjacent blocks do not', () => {
    const a = parseCidr('10.0.0.0/16')!;
    expect(cidrsOverlap(a, parseCidr('10.0.128.0/17')!)).toBe(true);
    expect(cidrsOverlap(parseCidr('10.0.128.0/17')!, a)).toBe(true);
    expect(cidrsOverlap(a, parseCidr('10.1.0.0/16')!)).toBe(false);
    expect(cidrsOverlap(parseCidr('10.0.0.0/8')!, parseCidr('10.255.255.240/28')!)).toBe(true);
    expect(cidrsOverlap(parseCidr('192.168.0.0/24')!, parseCidr('192.168.1.0/24')!)).toBe(false);
  });

  test('subnetPrefixFor splits a block evenly', () => {
    expect(subnetPrefixFor(16, 9)).toBe(20);
    expect(subnetPrefixFor(16, 6)).toBe(19);
    expect(subnetPrefixFor(16, 8)).toBe(19);
    expect(subnetPrefixFor(24, 1)).toBe(24);
    expect(subnetPrefixFor(26, 9)).toBe(30);
  });

  test('findOverlaps names every overlapping pair and skips malformed blocks', () => {
    // GIVEN
    const blocks = [
      { cidr: '10.0.0.0/16', owner: 'A' },
      { cidr: '10.0.128.0/17', owner: 'B' },
      { cidr: '10.1.0.0/16', owner: 'C' },
      { cidr: 'nonsense', owner: 'D' },
    ];
    // WHEN
    const overlaps = findOverlaps(blocks);
    // THEN
    expect(overlaps).toEqual([{ a: blocks[0], b: blocks[1] }]);
  });
});
