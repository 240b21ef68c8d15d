import { App, aws_cloudtrail as ct, aws_s3 as s3, Stack, Stage, Validations } from 'aws-cdk-lib';
import { CompetencyChecks, UNRECORDED_ACKNOWLEDGEMENT } from '../../lib/packs';

const MANAGEMENT = { account: '111111111111', region: 'eu-west-1' };
const AUDIT = { account: '222222222222', region: 'eu-west-1' };
const RULE_1_14 = 'Competency-1.14-TrailBucketInAnotherAccount';

/** The trail rules only, so these tests are about the pack, not about other rules. */
const TRAIL_RULES = ['TrailBucketInAnotherAccount', 'TrailMultiRegion', 'TrailLogFileValidation', 'TrailBucketVersioned'];

function sameStackTrail(app: App): Stack {
  const stack = new Stack(app, 'Management', { env: MANAGEMENT });
  new ct.Trail(stack, 'Trail', { isMultiRegionTrail: true, enableFileValidation: true });
  return stack;
}

function crossAccountTrail(app: App): { management: Stack; audit: Stack } {
  const audit = new Stack(app, 'Audit', { env: AUDIT });
  new s3.Bucket(audit, 'Logs', { bucketName: 'org-audit-logs-222222222222', versioned: true });
  const management = new Stack(app, 'Management', { env: MANAGEMENT });
  new ct.CfnTrail(management, 'Trail', {
    isLogging: true, s3BucketName: 'org-audit-logs-222222222222', isMultiRegionTrail: true, enableLogFileValidation: true,
  });
  return { management, audit };
}

describe('CompetencyChecks', () => {
  test('a stack whose trail writes to a bucket of its own stack fails with Competency-1.14', () => {
    // GIVEN
    const app = new App();
    const stack = sameStackTrail(app);
    // WHEN
    const report = new CompetencyChecks({ checklist: 'networking', deploymentModel: 'saas' }).validateScope(stack);
    // THEN
    const v = report.violations.find((x) => x.ruleName === RULE_1_14);
    expect(v?.severity).toBe('error');
    expect(v?.violatingResources.map((r) => r.constructPath)).toEqual(['Management/Trail/Resource']);
    expect(v?.description).toMatch(/created in the trail's own stack/);
  });

  test('a trail delivering to the audit account passes every trail rule', () => {
    // GIVEN
    const app = new App();
    crossAccountTrail(app);
    // WHEN
    const pack = new CompetencyChecks({ checklist: 'networking', deploymentModel: 'saas', rules: TRAIL_RULES });
    const report = pack.validateScope(app);
    // THEN
    expect(report.violations).toEqual([]);
    expect(pack.evaluations.filter((e) => e.resourceType === 'AWS::CloudTrail::Trail').map((e) => `${e.ruleId}:${e.status}`).sort()).toEqual([
      'Competency-1.13-TrailLogFileValidation:compliant',
      'Competency-1.13-TrailMultiRegion:compliant',
      `${RULE_1_14}:compliant`,
      'Competency-1.15-TrailBucketVersioned:compliant',
    ]);
  });

  test('the deployment model decides which items apply: 1.14 does not apply to customer-deployed-on-aws', () => {
    // GIVEN
    const app = new App();
    const stack = sameStackTrail(app);
    // WHEN
    const onAws = new CompetencyChecks({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws' });
    const strict = new CompetencyChecks({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws', strict: true });
    // THEN
    expect(onAws.ruleIds).not.toContain(RULE_1_14);
    expect(onAws.validateScope(stack).violations.map((v) => v.ruleName)).not.toContain(RULE_1_14);
    expect(strict.ruleIds).toContain(RULE_1_14);
    expect(strict.validateScope(stack).violations.map((v) => v.ruleName)).toContain(RULE_1_14);
    expect(onAws.ruleIds.length).toBeLessThan(strict.ruleIds.length);
  });

  test('"should" items raise warnings, "must" items errors', () => {
    // GIVEN
    const pack = new CompetencyChecks({ checklist: 'networking', deploymentModel: 'saas', rules: ['SecurityGroupNoOpenIngress', 'TrailCoversEveryAccount'] });
    // THEN
    expect(pack.plan.rules.map((r) => `${r.ruleId}:${r.level}`)).toEqual([
      'Competency-1.13-TrailCoversEveryAccount:error',
      'Competency-1.16-SecurityGroupNoOpenIngress:warning',
    ]);
  });

  test('a column whose cell limits the item and says "should" (1.10 customer-deployed: "credentials used to integration with AWS should be easily changed and not hard coded") runs the uses written for it, as warnings', () => {
    // GIVEN
    const rules = ['NoHardcodedCredentials', 'NoHardcodedAwsCredentials'];
    const saas = new CompetencyChecks({ checklist: 'networking', deploymentModel: 'saas', rules });
    const onAws = new CompetencyChecks({ checklist: 'networking', deploymentModel: 'customer-deployed-on-aws', rules });
    // THEN
    expect(saas.plan.rules.map((r) => `${r.ruleId}:${r.level}`)).toEqual(['Competency-1.10-NoHardcodedCredentials:error']);
    expect(onAws.plan.rules.map((r) => `${r.ruleId}:${r.level}`)).toEqual(['Competency-1.10-NoHardcodedAwsCredentials:warning']);
  });

  test('an acknowledgement suppresses the finding and is recorded with its reason', () => {
    // GIVEN
    const app = new App();
    const stack = sameStackTrail(app);
    Validations.of(stack).acknowledge({ id: RULE_1_14, reason: 'Single-account sandbox; production uses the organization trail' });
    // WHEN
    const pack = new CompetencyChecks({ checklist: 'networking', deploymentModel: 'saas', rules: TRAIL_RULES });
    const report = pack.validateScope(stack);
    // THEN
    expect(report.violations.map((v) => v.ruleName)).not.toContain(RULE_1_14);
    expect(pack.evaluations.find((e) => e.ruleId === RULE_1_14)).toMatchObject({
      status: 'non-compliant',
      acknowledgement: { reason: 'Single-account sandbox; production uses the organization trail' },
    });
  });

  test('an acknowledgement made on a Stage is honoured, with a warning that the evidence report cannot see it', () => {
    // GIVEN: the same finding, acknowledged on the stage around the stack
    const app = new App();
    const stage = new Stage(app, 'Prod');
    const stack = sameStackTrail(stage as unknown as App);
    Validations.of(stage).acknowledge({ id: RULE_1_14, reason: 'Single-account sandbox' });
    // WHEN
    const pack = new CompetencyChecks({ checklist: 'networking', deploymentModel: 'saas', rules: ['TrailBucketInAnotherAccount'] });
    const report = pack.validateScope(stack);
    // THEN: not an error, and one warning naming the stage and where to acknowledge instead
    expect(report.violations.map((v) => v.ruleName)).toEqual([UNRECORDED_ACKNOWLEDGEMENT]);
    expect(report.violations[0]).toMatchObject({
      severity: 'warning',
      description: expect.stringMatching(/^Competency-1\.14-TrailBucketInAnotherAccount acknowledged on Stage Prod, outside every stack: .* Acknowledge it on the stacks/),
      violatingResources: [{ constructPath: 'Prod', locations: ['Metadata'] }],
    });
  });

  test('registered as a validation plugin, an acknowledgement on the App passes the synth with the warning; one on the stack gives none', () => {
    for (const on of ['app', 'stack'] as const) {
      // GIVEN
      const app = new App();
      const stack = sameStackTrail(app);
      Validations.of(on === 'app' ? app : stack).acknowledge({ id: RULE_1_14, reason: 'Single-account sandbox' });
      const pack = new CompetencyChecks(app, { checklist: 'networking', deploymentModel: 'saas', rules: ['TrailBucketInAnotherAccount'] });
      const reports: string[] = [];
      const validate = pack.validate.bind(pack);
      pack.validate = (context) => {
        const report = validate(context);
        reports.push(...report.violations.map((v) => `${v.severity} ${v.ruleName} ${v.violatingResources[0].constructPath || '<app>'}`));
        return report;
      };
      Validations.of(app).addPlugins(pack);
      // WHEN
      const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        app.synth();
      } finally {
        spy.mockRestore();
      }
      // THEN
      expect(reports).toEqual(on === 'app' ? [`warning ${UNRECORDED_ACKNOWLEDGEMENT} <app>`] : []);
    }
  });

  test('registered as a validation plugin, it fails the synth and names the rule', () => {
    // GIVEN
    const app = new App();
    sameStackTrail(app);
    Validations.of(app).addPlugins(new CompetencyChecks(app, { checklist: 'networking', deploymentModel: 'saas', rules: TRAIL_RULES }));
    // THEN
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => app.synth()).toThrow(/ERROR \[1\.14 [^\]]+\][^\n]*created in the trail's own stack[\s\S]*Competency-1\.14-TrailBucketInAnotherAccount/);
    } finally {
      spy.mockRestore();
    }
  });

  test('registered on a stage, it reports that stage\'s stacks but looks across the app', () => {
    // GIVEN: a compliant trail in one stage, a non-compliant one in another
    const app = new App();
    const good = new Stage(app, 'Good');
    crossAccountTrail(good as unknown as App);
    const bad = new Stage(app, 'Bad');
    sameStackTrail(bad as unknown as App);
    const goodPack = new CompetencyChecks(good, { checklist: 'networking', deploymentModel: 'saas', rules: TRAIL_RULES });
    Validations.of(good).addPlugins(goodPack);
    // WHEN
    app.synth();
    // THEN: synth succeeds, the Good stage's trail was evaluated, the Bad stage was not
    expect(goodPack.evaluations.map((e) => e.stack)).toContain('Good/Management');
    expect(goodPack.evaluations.map((e) => e.stack)).not.toContain('Bad/Management');
  });

  test.each([
    [{ checklist: 'microsoft-workloads', deploymentModel: 'saas' }, /deploymentModel 'saas' is not a deployment model of the 'microsoft-workloads' checklist/],
    [{ checklist: 'firewalls', deploymentModel: 'saas' }, /checklist/],
    [{ checklist: 'networking', deploymentModel: 'saas', categories: ['ms-migration'] }, /ms-migration/],
    [{ checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas', categories: ['ms-migration'] }, /^CompetencyChecks: category 'ms-migration' is claimed by subcategory: name one or more in subcategories \(choices: ms-migration\.pre-migration-assessment/],
    [{ checklist: 'networking', deploymentModel: 'saas', rules: ['NoSuchRule'] }, /^CompetencyChecks: 'rules' names rules the library does not have: NoSuchRule$/],
    [{ checklist: 'networking', deploymentModel: 'saas', rule: ['SecurityGroupNoOpenIngress'] }, /^CompetencyChecks: 'rule' is not one of its options \(given \["SecurityGroupNoOpenIngress"\]; expected one of: checklist, deploymentModel, categories, subcategories, strict, rules, recommended, verbose, writeSuppressionsToCloudFormation\)$/],
    [{ checklist: 'networking', deploymentModel: 'saas', failOnWarnings: true }, /^CompetencyChecks: 'failOnWarnings' is not one of its options/],
  ])('rejects a wrong selection %j', (props, message) => {
    expect(() => new CompetencyChecks(props as any)).toThrow(message);
  });

  test('claimed subcategories apply their own rules only', () => {
    // WHEN
    const management = new CompetencyChecks({ checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas', subcategories: ['ms-operational-optimization.management'] });
    const availability = new CompetencyChecks({ checklist: 'microsoft-workloads', deploymentModel: 'multi-tenant-saas', subcategories: ['ms-operational-optimization.availability'] });
    // THEN
    const categoryRules = (p: CompetencyChecks) => p.ruleIds.filter((id) => id.startsWith('Competency-ms-'));
    expect(categoryRules(management).every((id) => id.startsWith('Competency-ms-operational-optimization.management.'))).toBe(true);
    expect(categoryRules(management)).toContain('Competency-ms-operational-optimization.management.8-WindowsPatchBaseline');
    expect(categoryRules(availability).every((id) => id.startsWith('Competency-ms-operational-optimization.availability.'))).toBe(true);
  });

  describe('"No (unless partner solution running on AWS requires the S3 service)": the app decides', () => {
    const props = { checklist: 'networking', deploymentModel: 'customer-deployed-on-aws', rules: ['BucketBlockPublicAccess', 'BucketPolicyNoPublicPrincipal'] } as const;

    test('an app that creates a bucket gets 1.17 and 1.18 findings', () => {
      // GIVEN
      const app = new App();
      const stack = new Stack(app, 'Solution', { env: MANAGEMENT });
      new s3.CfnBucket(stack, 'Open', { publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: false, ignorePublicAcls: true, restrictPublicBuckets: true } });
      // WHEN
      const report = new CompetencyChecks(props).validateScope(stack);
      // THEN
      expect(report.violations.map((v) => `${v.ruleName}:${v.severity}`)).toEqual(['Competency-1.18-BucketBlockPublicAccess:error']);
    });

    test('an app without S3 resources gets none, and the rules do not run', () => {
      // GIVEN
      const app = new App();
      const stack = new Stack(app, 'Solution', { env: MANAGEMENT });
      new ct.CfnTrail(stack, 'Trail', { isLogging: true, s3BucketName: 'elsewhere' });
      // WHEN
      const pack = new CompetencyChecks(props);
      const report = pack.validateScope(stack);
      // THEN: 1.17 and 1.18 apply (their cells ask whether the solution requires S3), and 1.9's use of the bucket
      // policy rule applies whatever the app holds (its cell: least privilege for solutions integrated via IAM roles)
      expect(pack.ruleIds).toEqual(['Competency-1.9-BucketPolicyNoPublicPrincipal', 'Competency-1.17-BucketPolicyNoPublicPrincipal', 'Competency-1.18-BucketBlockPublicAccess']);
      expect(report.violations).toEqual([]);
      expect(pack.evaluations).toEqual([]);
    });
  });
});
