import { supportsEna } from '../../../constructs/network-appliance-group/ena';
import { planRouteChanges } from '../../../constructs/network-appliance-group/failover.handler';

describe('ENA instance types', () => {
  test.each(['c5.large', 'c5n.xlarge', 'c6i.large', 'c6in.large', 'c6g.medium', 'c7g.large', 'c7i.large', 'm5.large', 'm5n.large', 'm6i.large', 'm7i.large', 'r5.large', 'r6i.large', 't3.micro', 't3a.small', 't4g.nano', 'm4.16xlarge', 'r4.large', 'i3.large', 'c8g.large', 'm7i-flex.large', 'x2iedn.xlarge'])('%s supports ENA', (type) => {
    expect(supportsEna(type)).toBe(true);
  });

  test.each(['t2.micro', 'm4.large', 'm4.10xlarge', 'c4.large', 'm3.medium', 'c3.large', 'r3.large', 't1.micro', 'd2.xlarge', 'i2.xlarge', 'g2.2xlarge'])('%s does not', (type) => {
    expect(supportsEna(type)).toBe(false);
  });

  test.each(['nonsense', 'c6in', 'z9q.large'])('%s is unknown, never assumed', (type) => {
    expect(supportsEna(type)).toBeUndefined();
  });
});

describe('route failover plan', () => {
  const healthy = [
    { instanceId: 'i-b', networkInterfaceId: 'eni-b' },
    { instanceId: 'i-a', networkInterfaceId: 'eni-a' },
  ];

  test('routes on a healthy interface stay', () => {
    expect(planRouteChanges([{ routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0', networkInterfaceId: 'eni-b', state: 'active', exists: true }], healthy)).toEqual([]);
  });

  test('routes on an unhealthy or blackholed interface move to a healthy one', () => {
    // GIVEN
    const routes = [
      { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0', networkInterfaceId: 'eni-gone', state: 'blackhole', exists: true },
      { routeTableId: 'rtb-2', destinationCidrBlock: '0.0.0.0/0', networkInterfaceId: 'eni-a', state: 'blackhole', exists: true },
    ];
    // WHEN
    const changes = planRouteChanges(routes, healthy);
    // THEN: stable order (by instance ID), spread over targets
    expect(changes).toEqual([
      { routeTableId: 'rtb-1', destinationCidrBlock: '0.0.0.0/0', networkInterfaceId: 'eni-a', action: 'replace' },
      { routeTableId: 'rtb-2', destinationCidrBlock: '0.0.0.0/0', networkInterfaceId: 'eni-b', action: 'replace' },
    ]);
  });

  test('a missing route is created; nothing changes without a healthy instance', () => {
    const missing = [{ routeTableId: 'rtb-1', destinationCidrBlock: '10.9.0.0/16', exists: false }];
    expect(planRouteChanges(missing, healthy)).toEqual([{ routeTableId: 'rtb-1', destinationCidrBlock: '10.9.0.0/16', networkInterfaceId: 'eni-a', action: 'create' }]);
    expect(planRouteChanges(missing, [])).toEqual([]);
  });
});
