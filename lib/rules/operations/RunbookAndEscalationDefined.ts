import { COMPLIANT, defineRule, nonCompliant, NOT_APPLICABLE, RuleVerdict, unverifiable } from '../rule';
import { asList, isIntrinsic, literalString } from '../../aws';

/**
 * Reads: `AWS::SSM::Document` of `DocumentType: Automation` (a runbook: its `Content`) and
 * `AWS::SSMIncidents::ResponsePlan` (an incident response with its `Engagements` and runbook `Actions`).
 * Fails when: an Automation document has no `mainSteps` (a runbook that does nothing); a response plan engages no
 * one (no `Engagements`: the incident is not escalated to anyone); content unknown at synth is reported.
 * Fix: give each runbook its steps; add Incident Manager contacts or escalation plans as the response plan's
 * engagements (and escalate to AWS Support from the runbook or the escalation plan where appropriate).
 */
export const RunbookAndEscalationDefined = defineRule({
  name: 'RunbookAndEscalationDefined',
  description: 'Runbooks (Systems Manager Automation documents) have steps, and incident response plans escalate to someone',
  fix: 'Give each Automation runbook its mainSteps; add Incident Manager contacts or escalation plans as the response plan\'s Engagements',
  resourceTypes: ['AWS::SSM::Document', 'AWS::SSMIncidents::ResponsePlan'],
  scope: 'resource',
  check(r): RuleVerdict {
    const p = r.properties;
    if (r.type === 'AWS::SSMIncidents::ResponsePlan') {
      if (isIntrinsic(p.Engagements)) return unverifiable('the response plan\'s engagements', p.Engagements, 'Engagements');
      return asList(p.Engagements).length > 0 ? COMPLIANT
        : nonCompliant('the response plan engages no one (no Engagements): incidents it opens are not escalated to anyone', 'Engagements');
    }
    if (r.type !== 'AWS::SSM::Document') return NOT_APPLICABLE;
    const type = literalString(p.DocumentType);
    if (isIntrinsic(p.DocumentType)) return unverifiable('the document type', p.DocumentType, 'DocumentType');
    if (type !== 'Automation') return NOT_APPLICABLE;
    const content = p.Content;
    if (!content || typeof content !== 'object' || isIntrinsic(content) || isIntrinsic(content.mainSteps)) {
      return unverifiable('the runbook content', content, 'Content');
    }
    return asList(content.mainSteps).length > 0 ? COMPLIANT : nonCompliant('the Automation runbook has no mainSteps', 'Content/mainSteps');
  },
});
