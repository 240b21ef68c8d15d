/**
 * Required documentation, with the "Applies to" matrix each seed prints for it, and the documentation the
 * category sections ask for. Attested only.
 */
import { BY_ATTESTATION } from './decision';
import { matrix, NO, YES, yesPrinted } from './matrix';
import { DocumentationItem } from './types';

const MS_WHOLE_AND_EACH = yesPrinted('Yes – one for the whole solution and one for each Case Study');
const MS_EACH = yesPrinted('Yes – one for each Case Study');
const NET_WHOLE_AND_EACH = yesPrinted('Yes – one for the whole solution and one for each Case Study.');
const NET_EACH = yesPrinted('Yes – one for each Case Study.');
const ONE_FOR_THE_SOLUTION = yesPrinted('Yes – one for the solution.');

export const DOCUMENTATION_ITEMS: readonly DocumentationItem[] = [
  {
    kind: 'documentation',
    id: 'doc.architecture-diagram',
    title: 'Architecture diagram',
    requirement: 'Diagrams show the major elements and how they combine, every AWS service with its official icon, how services are deployed (VPCs, Availability Zones, subnets, connections outside AWS) and any components outside AWS. SaaS models need one for the whole solution plus one per case study; customer-deployed models one per case study.',
    seed: {
      'microsoft-workloads': {
        ref: 'Architecture Diagram',
        title: 'Architecture Diagram',
        text: 'Depending on the Deployment Category, one or more Architecture Diagrams are required. Each Architecture Diagram must show: The major elements of the architecture, and how they combine to provide the APN Partner Solution to customers All of the AWS Services used, using the appropriate AWS Service icons. How the AWS Services are deployed, including Amazon Virtual Private Cloud (Amazon VPC), Availability Zones, subnets, and connections to systems outside of AWS. Includes elements deployed outside of AWS, e.g. on-premises components, or hardware devices.',
      },
      networking: {
        ref: 'Architecture Diagram',
        title: 'Architecture Diagram',
        text: 'Depending on the deployment category, one or more architecture diagrams are required. Each architecture diagram must show: The major elements of the architecture, and how they combine to provide the APN Partner Solution to customers All of the AWS services used, using the appropriate AWS service icons. How the AWS services are deployed, including, VPCs, AZs, subnets, and connections to systems outside of AWS. Includes elements deployed outside of AWS, e.g. on-premises components, or hardware devices.',
      },
    },
    level: 'must',
    modal: 'must',
    appliesTo: matrix([MS_WHOLE_AND_EACH, MS_WHOLE_AND_EACH, MS_EACH, MS_EACH], [NET_WHOLE_AND_EACH, NET_EACH]),
    verification: {
      decidedBy: BY_ATTESTATION,
      attestation: { evidence: 'The architecture diagram files (whole solution where required, and one per case study).' },
    },
  },
  {
    kind: 'documentation',
    id: 'doc.deployment-guide',
    title: 'Deployment guide',
    requirement: 'One deployment guide for the solution gives best practices for deploying it on AWS and covers every section of the AWS baseline requirements for deployment guides.',
    seed: {
      'microsoft-workloads': {
        ref: 'Deployment Guide',
        title: 'Deployment Guide',
        text: 'The Deployment Guide must provide best practices for deploying the APN Partner Solution on AWS, and include all of the sections outlined in “Baseline Requirements for Deployment Guides”',
      },
      networking: {
        ref: 'Deployment Guide',
        title: 'Deployment Guide',
        text: 'The deployment guide must provide best practices for deploying the APN Partner Solution on AWS, and include all of the sections outlined in “Baseline Requirements for Deployment Guides”',
      },
    },
    level: 'must',
    modal: 'must',
    appliesTo: matrix([NO, NO, NO, ONE_FOR_THE_SOLUTION], [NO, ONE_FOR_THE_SOLUTION]),
    verification: {
      decidedBy: BY_ATTESTATION,
      attestation: { evidence: 'Link to the deployment guide, with a mapping of its sections to the baseline deployment-guide requirements.' },
    },
  },
  {
    kind: 'documentation',
    id: 'doc.completed-validation-checklist',
    title: 'Completed validation checklist',
    requirement: 'For each case study, a completed copy of the technical checklist marks which items are met.',
    seed: {
      'microsoft-workloads': {
        ref: 'Completed Validation Checklist',
        title: 'Completed Validation Checklist',
        text: 'For each of the four case studies, the APN Partner must provide a completed version of the following checklist indicating which checklist items are met.',
      },
      networking: {
        ref: 'Completed Validation Checklist',
        title: 'Completed Validation Checklist',
        text: 'For each of the 4 AWS Case Studies provided for the APN Partner Solution, the APN Partner must provide a completed version of the following checklist indicating which checklist items are met.',
      },
    },
    level: 'must',
    modal: 'must',
    appliesTo: matrix([YES, YES, YES, YES], [YES, YES]),
    verification: {
      decidedBy: BY_ATTESTATION,
      attestation: { evidence: 'One completed checklist per case study (the evidence pack generated by this library may serve as one).' },
    },
  },
  {
    kind: 'documentation',
    id: 'doc.solution-features',
    title: 'How the solution meets the category requirements',
    requirement: 'Documentation describing how the solution meets the requirements of the claimed categories is submitted with the self-assessment.',
    seed: {
      'microsoft-workloads': {
        ref: 'Microsoft Workloads Technical Requirements by Category',
        title: 'Microsoft Workloads Technical Requirements by Category',
        text: 'Documentation describing how the APN Partner solution meets the requirements must be submitted as part of the AWS Competency self-assessment.',
      },
      networking: {
        ref: 'Networking Category Specific Technical Requirements',
        title: 'Networking Category Specific Technical Requirements',
        text: 'Documentation describing how the APN Partner solution meets the requirements must be submitted as part of the competency self-assessment',
      },
    },
    level: 'must',
    modal: 'must',
    // Not a row of the "Required Documentation" table: the category section asks it of every applicant, and
    // every applicant claims a category, whatever the deployment model.
    appliesTo: matrix([YES, YES, YES, YES], [YES, YES]),
    verification: {
      decidedBy: BY_ATTESTATION,
      attestation: { evidence: 'The document that maps each requirement of the claimed categories (and subcategories) to how the solution meets it.' },
    },
  },
];
