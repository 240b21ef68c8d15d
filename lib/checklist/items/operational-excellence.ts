/** Operational Excellence 3.1–3.3. */
import { matrix, NO, YES } from '../matrix';
import { TechnicalItem } from '../types';

export const OPERATIONAL_EXCELLENCE_ITEMS: readonly TechnicalItem[] = [
  {
    kind: 'technical',
    id: '3.1',
    pillar: 'operational-excellence',
    title: 'Automated code deployment',
    requirement: 'Code reaches the AWS infrastructure through an automated deployment method; nobody ships updates over interactive SSH or RDP sessions.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      attestation: {
        evidence: 'The deployment pipeline (link or description) and a statement that production updates are not made over interactive SSH or RDP.',
      },
    },
  },
  {
    kind: 'technical',
    id: '3.2',
    pillar: 'operational-excellence',
    title: 'Runbooks and escalation',
    requirement: 'Runbooks describe the standard response to application and AWS events, and an escalation process handles system alarms and customer-reported incidents, including escalation to AWS Support.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      attestation: {
        evidence: 'The runbooks (or their index) and the escalation process, showing the step that opens an AWS Support case.',
      },
    },
  },
  {
    kind: 'technical',
    id: '3.3',
    pillar: 'operational-excellence',
    title: 'AWS Business Support enabled',
    requirement: 'At least one AWS account has Business Support or a higher support plan.',
    level: 'must',
    appliesTo: matrix([YES, YES, NO, NO], [YES, NO]),
    verification: {
      attestation: {
        evidence: 'The AWS account ID and its support plan (Business or higher).',
      },
    },
  },
];
