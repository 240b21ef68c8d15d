import { App, Stack } from 'aws-cdk-lib';
import * as oam from 'aws-cdk-lib/aws-oam';
import { MultiAzVpc } from '../../../constructs/multi-az-vpc';
import { NetworkApplianceGroup } from '../../../constructs/network-appliance-group';
import { CompetencyChecks } from '../../../lib/packs';
import { ALL_RULES } from '../../../lib/rules';

/**
 * The reference shape: a VPC with redundant BGP VPN, a GWLB firewall group and an NLB proxy group,
 * in an account linked to the monitoring account (what the account baseline deploys; 2.3 asks for it).
 */
function referenceStack() {
  const app = new App();
  const stack = new Stack(app, 'Net', { env: { account: '111111111111', region: 'eu-west-1' } });
  const network = new MultiAzVpc(stack, 'Vpc', { vpn: { customerGateways: [{ ip: '203.0.113.10', asn: 65000 }, { ip: '198.51.100.10', asn: 65001 }] } });
  new NetworkApplianceGroup(stack, 'Firewall', { vpc: network.vpc, bootstrapScript: 'echo configure', routing: true });
  new NetworkApplianceGroup(stack, 'Proxy', { vpc: network.vpc, bootstrapScript: 'echo configure', failover: 'nlb' });
  new oam.CfnLink(stack, 'MonitoringAccountLink', {
    resourceTypes: ['AWS::Logs::LogGroup', 'AWS::CloudWatch::Metric'],
    sinkIdentifier: 'arn:aws:oam:eu-west-1:222222222222:sink/f3b2a1c0-1234-4abc-9def-0123456789ab',
  });
  return stack;
}

describe('MultiAzVpc + NetworkApplianceGroup under CompetencyChecks (networking)', () => {
  const stack = referenceStack();
  // The pack is being written alongside: apply the rules that exist today (every one of them once all land).
  const rules = ALL_RULES.map((r) => r.name);

  test.each(['saas', 'customer-deployed-on-aws'] as const)('%s: no findings', (deploymentModel) => {
    // WHEN
    const report = new CompetencyChecks({ checklist: 'networking', deploymentModel, categories: ['network-connectivity', 'load-balancers', 'network-management'], rules }).validateScope(stack);
    // THEN
    expect(report.violations).toEqual([]);
  });
});
