import { blockSize, cidrProblem, cidrsOverlap, findOverlaps, isIpv4Address, numberToIpv4, overlapIndex, parseCidr, subnetPrefixFor } from '../../lib/aws';

describe('aws/cidr', () => {
  test('isIpv4Address accepts dotted quads and refuses the rest', () => {
    // GIVEN / WHEN / THEN
    expect(['0.0.0.0', '10.0.0.1', '255.255.255.255'].map(isIpv4Address)).toEqual([true, true, true]);
    expect(['256.0.0.1', '10.0.0', '10.0.0.01', 'a.b.c.d', '10.0.0.0/8', ''].map(isIpv4Address)).toEqual([false, false, false, false, false, false]);
  });

  test('parseCidr reads IPv4 and IPv6 blocks, their prefix, and masks host bits', () => {
    // GIVEN / WHEN / THEN
    expect(parseCidr('10.0.0.0/16')).toMatchObject({ version: 4, prefix: 16, first: 0x0a000000n, last: 0x0a00ffffn, hostBitsSet: false });
    expect(parseCidr(' 10.0.5.7/24 ')).toMatchObject({ cidr: '10.0.5.7/24', first: 0x0a000500n, last: 0x0a0005ffn, hostBitsSet: true });
    expect(parseCidr('2600:1f18::/56')).toMatchObject({ version: 6, prefix: 56, first: 0x26001f18n << 96n });
    expect(numberToIpv4(Number(parseCidr('10.1.0.0/16')!.first))).toBe('10.1.0.0');
    expect(blockSize(16)).toBe(65536);
  });

  test('parseCidr refuses malformed blocks', () => {
    // GIVEN / WHEN / THEN
    for (const bad of ['10.0.0/16', '10.0.0.256/16', '10.0.0.0/33', '10.0.0.0', '1::2::3/64', 'x/8', '10.0.0.0/016', '::/129']) expect(parseCidr(bad)).toBeUndefined();
  });

  test('cidrProblem explains what is wrong with a block given as a prop', () => {
    // GIVEN / WHEN / THEN
    expect(cidrProblem('10.0.0.0/16')).toBeUndefined();
    expect(cidrProblem('10.0.0.0')).toMatch(/must be an IPv4 CIDR block/);
    expect(cidrProblem('10.0.0.300/16')).toMatch(/must be an IPv4 CIDR block/);
    expect(cidrProblem('2600:1f18::/56')).toMatch(/must be an IPv4 CIDR block/);
    expect(cidrProblem('10.0.0.0/33')).toMatch(/prefix length between 0 and 32/);
    expect(cidrProblem('10.0.1.0/16')).toMatch(/host bits set \(did you mean 10\.0\.0\.0\/16\?\)/);
  });

  test('cidrsOverlap: nested and partial overlaps; adjacent blocks and other IP versions do not', () => {
    // GIVEN
    const p = (c: string) => parseCidr(c)!;
    // WHEN / THEN
    expect(cidrsOverlap(p('10.0.0.0/16'), p('10.0.128.0/17'))).toBe(true);
    expect(cidrsOverlap(p('10.0.128.0/17'), p('10.0.0.0/16'))).toBe(true);
    expect(cidrsOverlap(p('10.0.0.0/8'), p('10.255.255.240/28'))).toBe(true);
    expect(cidrsOverlap(p('10.0.0.0/16'), p('10.1.0.0/16'))).toBe(false);
    expect(cidrsOverlap(p('192.168.0.0/24'), p('192.168.1.0/24'))).toBe(false);
    expect(cidrsOverlap(p('0.0.0.0/0'), p('::/0'))).toBe(false);
  });

  test('subnetPrefixFor splits a block evenly', () => {
    // GIVEN / WHEN / THEN
    expect([[16, 9], [16, 6], [16, 8], [24, 1], [26, 9]].map(([v, n]) => subnetPrefixFor(v, n))).toEqual([20, 19, 19, 24, 30]);
  });

  test('overlapIndex finds every overlapping pair by sweeping', () => {
    // GIVEN
    const items = ['10.0.0.0/16', '10.1.0.0/16', '10.0.128.0/17', '192.168.0.0/16', '10.0.0.0/8'].map((c) => ({ range: parseCidr(c)!, item: c }));
    // WHEN
    const index = overlapIndex(items);
    // THEN
    expect(index.get('10.0.0.0/8')?.sort()).toEqual(['10.0.0.0/16', '10.0.128.0/17', '10.1.0.0/16']);
    expect(index.get('10.1.0.0/16')).toEqual(['10.0.0.0/8']);
    expect(index.get('192.168.0.0/16')).toBeUndefined();
  });

  test('findOverlaps names every overlapping pair once, in input order, and skips malformed blocks', () => {
    // GIVEN
    const blocks = [
      { cidr: '10.0.0.0/16', owner: 'A' },
      { cidr: '10.0.128.0/17', owner: 'B' },
      { cidr: '10.1.0.0/16', owner: 'C' },
      { cidr: 'nonsense', owner: 'D' },
      { cidr: '10.0.0.0/8', owner: 'E' },
    ];
    // WHEN
    const overlaps = findOverlaps(blocks);
    // THEN
    expect(overlaps.map(({ a, b }) => `${a.owner}-${b.owner}`)).toEqual(['A-B', 'A-E', 'B-E', 'C-E']);
  });
});
