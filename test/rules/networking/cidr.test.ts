import { cidrsOverlap, overlapIndex, parseCidr } from '../../../lib/rules/utils/cidr';

describe('utils/cidr', () => {
  test('parses IPv4 and IPv6 blocks and masks host bits', () => {
    expect(parseCidr('10.0.0.0/16')).toMatchObject({ version: 4, first: 0x0a000000n, last: 0x0a00ffffn });
    expect(parseCidr('10.0.5.7/24')).toMatchObject({ first: 0x0a000500n, last: 0x0a0005ffn });
    expect(parseCidr('2600:1f18::/56')).toMatchObject({ version: 6, first: 0x26001f18n << 96n });
  });
  test('rejects malformed blocks', () => {
    for (const bad of ['10.0.0/16', '10.0.0.256/16', '10.0.0.0/33', '10.0.0.0', '1::2::3/64', 'x/8']) expect(parseCidr(bad)).toBeUndefined();
  });
  test('overlap: nested, adjacent, across versions', () => {
    const p = (c: string) => parseCidr(c)!;
    expect(cidrsOverlap(p('10.0.0.0/8'), p('10.20.0.0/16'))).toBe(true);
    expect(cidrsOverlap(p('10.0.0.0/16'), p('10.1.0.0/16'))).toBe(false);
    expect(cidrsOverlap(p('0.0.0.0/0'), p('::/0'))).toBe(false);
  });
  test('overlapIndex finds every overlapping pair by sweeping', () => {
    const items = ['10.0.0.0/16', '10.1.0.0/16', '10.0.128.0/17', '192.168.0.0/16', '10.0.0.0/8'].map((c) => ({ range: parseCidr(c)!, item: c }));
    const index = overlapIndex(items);
    expect(index.get('10.0.0.0/8')?.sort()).toEqual(['10.0.0.0/16', '10.0.128.0/17', '10.1.0.0/16']);
    expect(index.get('10.1.0.0/16')).toEqual(['10.0.0.0/8']);
    expect(index.get('192.168.0.0/16')).toBeUndefined();
  });
});
