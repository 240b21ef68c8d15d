/**
 * IAM Access Analyzer: the analyzer is active, with its active findings (access from outside the zone of trust,
 * public access marked). The findings are shown, not counted against the item: the control is there to report
 * exposure, and the items on exposure itself (1.17, 1.18) have their own rules.
 */
import { isFailure } from './aws';
import { notA } from './config';
import { failed, iso, Reader, where } from './reader';

/** An analyzer (`AWS::AccessAnalyzer::Analyzer`, physical id = analyzer ARN). */
export const readAnalyzer: Reader = async (aws, d) => {
  if (d.type !== 'AWS::AccessAnalyzer::Analyzer') return notA(d, 'IAM Access Analyzer');
  const pages = await aws.pages('access-analyzer:ListAnalyzers', d.env, 'ListAnalyzersCommand', {}, { in: 'nextToken', out: 'nextToken' });
  if (isFailure(pages)) return failed('access-analyzer:ListAnalyzers', d.env, pages, 'the analyzers');
  const analyzer = pages.flatMap((p) => p.analyzers ?? []).find((a: any) => a.arn === d.physicalId || a.name === d.physicalId);
  if (!analyzer) return { state: 'missing', note: `analyzer ${d.physicalId} not found in ${where(d)}`, results: [], problems: [] };
  const name = String(analyzer.name);
  if (analyzer.status !== 'ACTIVE') {
    return { state: 'missing', note: `analyzer ${name} is ${analyzer.status}${analyzer.statusReason?.code ? ` (${analyzer.statusReason.code})` : ''}`, results: [], problems: [] };
  }
  const findings = await aws.pages('access-analyzer:ListFindings', d.env, 'ListFindingsCommand',
    { analyzerArn: analyzer.arn, filter: { status: { eq: ['ACTIVE'] } }, maxResults: 100 }, { in: 'nextToken', out: 'nextToken' });
  if (isFailure(findings)) return failed('access-analyzer:ListFindings', d.env, findings, `the findings of analyzer ${name}`);
  const active = findings.flatMap((p) => p.findings ?? []);
  const results = [
    { where: where(d), source: name, state: 'ACTIVE', detail: `${analyzer.type ?? ''} analyzer, ${active.length} active finding${active.length === 1 ? '' : 's'}`.trim() },
    ...active.map((f: any) => ({
      where: where(d), source: name, resource: `${f.resourceType ?? '?'} ${f.resource ?? '?'}`, state: f.isPublic ? 'ACTIVE_PUBLIC' : 'ACTIVE',
      ...(iso(f.updatedAt) ? { at: iso(f.updatedAt) } : {}),
      detail: `${f.isPublic ? 'public access' : 'access from outside the zone of trust'}${f.principal ? ` by ${Object.values(f.principal).join(', ')}` : ''}`,
    })),
  ];
  const publicCount = active.filter((f: any) => f.isPublic).length;
  return {
    state: 'verified',
    note: `analyzer ${name} ACTIVE, ${active.length} active finding${active.length === 1 ? '' : 's'}${publicCount ? ` (${publicCount} public)` : ''}`,
    results,
    problems: [],
  };
};
