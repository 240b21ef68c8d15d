import { planRouteChanges } from '../../../constructs/network-appliance-group/failover-handler';

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
