import * as constructs from '../constructs';
import * as api from '../lib';
import * as testing from '../lib/testing';

describe('public API', () => {
  test('lib/index exports the checklist, the packs, the rules and the report', () => {
    expect(api.TECHNICAL_ITEMS).toHaveLength(40);
    expect(typeof api.CompetencyChecks).toBe('function');
    expect(api.ALL_RULES.length).toBe(api.RULES_BY_NAME.size);
    expect(typeof api.generateEvidencePack).toBe('function');
    expect(typeof api.loadAssembly).toBe('function');
    expect(api.TAGS.DATA_CLASSIFICATION).toBe('DataClassification');
  });

  test('constructs/index exports every construct', () => {
    expect(Object.keys(constructs)).toEqual(expect.arrayContaining([
      'MultiAzVpc', 'NetworkApplianceGroup', 'AuditLogBucket', 'OrganizationTrail', 'CrossAccountBackup',
      'BackupDestinationVault', 'RuntimeControls', 'AccountBaseline', 'BaselineStackSet', 'CentralLogDestination', 'CentralLogShipping',
    ]));
  });

  test('the testing entry exports the helpers', () => {
    expect(Object.keys(testing)).toEqual(expect.arrayContaining([
      'assertCompetencyCompliant', 'competencyMatchers', 'competencySnapshotSerializer', 'normalizeTemplate',
    ]));
  });
});
