import { familyNetworking, familySupportsEna, instanceTypeNetworking, parseFamily, supportsEna } from '../../lib/aws';

describe('aws/instance-types: enhanced networking per family', () => {
  test.each([
    'c5.large', 'c5n.xlarge', 'c6i.large', 'c6in.large', 'c6g.medium', 'c7g.large', 'c7i.large', 'm5.large', 'm5n.large', 'm6i.large',
    'm7i.large', 'r5.large', 'r6i.large', 't3.micro', 't3a.small', 't4g.nano', 'm4.16xlarge', 'r4.large', 'i3.large', 'c8g.large',
    'm7i-flex.large', 'x2iedn.xlarge', 'h1.2xlarge', 'g3.4xlarge', 'p2.xlarge', 'p3dn.24xlarge', 'u-6tb1.metal', 'mac2-m2pro.metal', 'C6IN.LARGE',
  ])('%s has ENA', (type) => {
    // GIVEN / WHEN / THEN
    expect(instanceTypeNetworking(type)).toMatchObject({ adapter: 'ena', ena: true, intel82599Vf: false });
    expect(supportsEna(type)).toBe(true);
  });

  test.each(['c3.large', 'c4.large', 'd2.xlarge', 'i2.xlarge', 'm4.large', 'm4.10xlarge', 'r3.large'])('%s has the Intel 82599 VF interface (ixgbevf), not ENA', (type) => {
    // GIVEN / WHEN / THEN
    expect(instanceTypeNetworking(type)).toMatchObject({ adapter: 'intel-82599-vf', ena: false, intel82599Vf: true });
    expect(supportsEna(type)).toBe(false);
  });

  test.each(['t2.micro', 'm3.medium', 't1.micro', 'g2.2xlarge', 'm1.small', 'cc2.8xlarge', 'hs1.8xlarge'])('%s has no enhanced networking', (type) => {
    // GIVEN / WHEN / THEN
    expect(instanceTypeNetworking(type)).toMatchObject({ adapter: 'none', ena: false, intel82599Vf: false });
  });

  test.each(['nonsense', 'c6in', 'z9q.large', 'c9.large', 'c6in.large.x', ''])('%s is unknown, never assumed', (type) => {
    // GIVEN / WHEN / THEN
    expect(instanceTypeNetworking(type)).toBeUndefined();
    expect(supportsEna(type)).toBeUndefined();
  });

  test('families and attribute-based patterns', () => {
    // GIVEN / WHEN / THEN
    expect(familyNetworking('c6in.*')).toMatchObject({ family: 'c6in', adapter: 'ena' });
    expect(familyNetworking('m7i*')).toMatchObject({ family: 'm7i', adapter: 'ena' });
    expect(familyNetworking('c4')).toMatchObject({ adapter: 'intel-82599-vf' });
    expect(familySupportsEna('t2')).toBe(false);
    expect(familySupportsEna('q1')).toBeUndefined();
    expect(parseFamily('p6-b200.48xlarge')).toEqual({ family: 'p6-b200', series: 'p', generation: 6 });
    expect(parseFamily('u7i-12tb.224xlarge')).toEqual({ family: 'u7i-12tb', series: 'u', generation: 7 });
  });
});
