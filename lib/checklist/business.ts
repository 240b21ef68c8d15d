/**
 * Business prerequisites (validated by the program manager before the technical review). Attested only.
 * `checklists` names the seeds that list each one; `seed` holds each seed's own row (its number, title and
 * words), so Microsoft Workloads 4.1 (Product Support) and Networking 4.1 (Field-Ready Toolkits) stay apart.
 */
import { BY_ATTESTATION } from './decision';
import { BusinessItem, ChecklistId } from './types';

const BOTH: readonly ChecklistId[] = ['networking', 'microsoft-workloads'];

export const BUSINESS_ITEMS: readonly BusinessItem[] = [
  {
    kind: 'business',
    id: 'business.networking-expertise',
    title: 'Deep AWS networking knowledge',
    requirement: 'The partner has deep working knowledge of architecting networking solutions and applications on AWS services.',
    seed: {
      networking: {
        ref: 'AWS Networking Competency and Categories',
        title: 'AWS Networking Competency and Categories',
        text: 'Deep working knowledge architecting networking solutions and applications leveraging AWS services is mandatory.',
      },
    },
    level: 'must',
    modal: 'none',
    levelReason: 'The introduction says it "is mandatory", without a modal verb: read as must.',
    checklists: ['networking'],
    verification: {
      decidedBy: BY_ATTESTATION,
      attestation: { evidence: 'The engineers and architects who can speak in depth to the requirements during the review, with their AWS certifications and the AWS networking solutions they architected.' },
    },
  },
  {
    kind: 'business',
    id: 'business.program-guidelines',
    title: 'Program guidelines read',
    requirement: 'The partner has read the competency program guidelines and definitions before applying.',
    seed: {
      'microsoft-workloads': {
        ref: '1.1',
        title: 'Program Guidelines',
        text: 'The APN Partner must read the Program guidelines and definitions before applying to the Microsoft Workloads Competency Program. Click here for Program details.',
      },
      networking: {
        ref: '1.1',
        title: 'Program Guidelines',
        text: 'The APN Partner must read the Program Guidelines and Definitions before applying to the AWS Competency Program. Click here for Program details',
      },
    },
    level: 'must',
    modal: 'must',
    checklists: BOTH,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Statement that the program guidelines were read, with the version or date.' } },
  },
  {
    kind: 'business',
    id: 'business.partner-tier',
    title: 'Advanced tier technology partner',
    requirement: 'The partner is an Advanced tier APN Technology Partner (Networking: before applying).',
    seed: {
      'microsoft-workloads': {
        ref: '1.2',
        title: 'APN Technology Partner Tier',
        text: 'APN Partner must be an Advanced Tier APN Technology Partner',
      },
      networking: {
        ref: '1.1',
        title: 'Technology APN Partner Tier',
        text: 'APN Partner must be an Advanced Tier APN Technology Partner before applying to the Networking Competency Program.',
      },
    },
    level: 'must',
    modal: 'must',
    checklists: BOTH,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'The partner tier as shown in APN Partner Central.' } },
  },
  {
    kind: 'business',
    id: 'business.solution-category',
    title: 'Solution category identified',
    requirement: 'The partner names the category (and, for Microsoft Workloads, the subcategories) the solution is submitted under.',
    seed: {
      'microsoft-workloads': {
        ref: '1.3',
        title: 'Solution Category',
        text: 'APN Partner must identify the Segment category and subcategory (or subcategories) for their solution. Category: Microsoft Workloads Migration Pre-Migration Assessment Application and Data Migration Migration Health Monitoring and Reporting Microsoft Workloads Operational Optimization Security and Threat Management Availability and Disaster Recovery Resource Management, Inventory/Health/Cost Monitoring and Reporting, Resource Management, Inventory/Health/Cost Monitoring and Reporting Data, Analytics, and Machine Learning for Microsoft Workloads Data integration and preparation Platform Solutions SaaS and API Solutions Business Intelligence and Visualization Data Governance, Compliance, and Security',
      },
      networking: {
        ref: '1.2',
        title: 'Solution Category',
        text: 'APN Partner to identify the Segment Category for their solution: Network Connectivity Direct Connect Integrated Partners Direct Connect Infrastructure Partners Load Balancers Network Management',
      },
    },
    level: 'must',
    modal: 'must',
    checklists: BOTH,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'The selected categories and subcategories.' } },
  },
  {
    kind: 'business',
    id: 'business.deployment-models',
    title: 'Deployment models identified',
    requirement: 'The partner lists every deployment option offered to customers (SaaS on or outside AWS, BYOL on AWS or on premises).',
    seed: {
      'microsoft-workloads': {
        ref: '4.3',
        title: 'Deployment Model',
        text: 'APN Partner identifies all deployment model options available to customers. SaaS on AWS SaaS outside AWS (for Migration) BYOL on AWS BYOL on premises (for Migration)',
      },
      networking: {
        ref: '1.2',
        title: 'Solution Category',
        text: 'Deployment Model: SaaS on AWS SaaS outside AWS BYOL on AWS BYOL On-premises',
      },
    },
    level: 'must',
    modal: 'none',
    levelReason: 'The seed asks it as an instruction without a modal verb ("APN Partner identifies all deployment model options"; Networking: the "Deployment Model:" boxes of "APN Partner to identify"), among prerequisites that "must be addressed prior to scheduling": read as must.',
    checklists: BOTH,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'The deployment options offered, ticked from the seed list.' } },
  },
  {
    kind: 'business',
    id: 'business.customer-adoption',
    title: 'Customer adoption',
    requirement: 'The partner states how many customers use the solution in total.',
    seed: {
      networking: {
        ref: '1.3',
        title: 'Customer Adoption',
        text: 'APN Partner to describe total number of customers leveraging their solution.',
      },
    },
    level: 'must',
    modal: 'none',
    levelReason: 'The seed asks it as an instruction without a modal verb ("APN Partner to describe"), among prerequisites that "must be addressed prior to scheduling": read as must.',
    checklists: ['networking'],
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'The total number of customers using the solution.' } },
  },
  {
    kind: 'business',
    id: 'business.case-studies',
    title: 'Category-specific case studies',
    requirement: 'Four customer case studies of the solution in production (not pilots), deployed within the last 18 months, each giving customer, challenge, deployment, third-party components, production date, outcomes and the architecture and deployment material; Microsoft Workloads reduces it to two (one public, one private) for partners already validated in the Migration, DevOps or Data & Analytics competencies.',
    seed: {
      'microsoft-workloads': {
        ref: '2.1',
        title: 'Microsoft Workloads-Specific Case Studies',
        text: 'APN Partner must have a minimum of four (4) case studies that demonstrate the use of APN Partner’s technology relevant to the category under review. For APN Partners already validated in AWS Migration, DevOps, or Data & Analytics Competencies, the requirement is reduced to a minimum of 2, one public and one private case studies, that demonstrate the use of APN Partner’s technology with Microsoft Workloads relevant to the category under review. … For each case study, the APN Partner must provide the following information: Name of the customer Customer challenge How the solution was deployed to meet the challenge Third party applications or solutions used Date the reference entered production Outcome(s)/results Specific Architecture Diagrams, Deployment Guides and other materials depending on the type of solution, as described in the next section. This information will be requested as part of the Program Application process in APN Partner Central. All four of the case studies provided will be examined in the Technical Validation. The case study will be removed from consideration for inclusion in the AWS Competency if the APN Partner cannot provide the documentation necessary to assess the case study against each checklist item, or if any of the checklist items are not met. Case studies must describe deployments that have been performed within the past 18 months, and must be for projects that are in production with customers, rather than in a ‘pilot’ or proof of concept stage.',
      },
      networking: {
        ref: '2.1',
        title: 'Networking - Specific Case Studies',
        text: 'APN Partner must have 4 unique AWS customer Case Studies specific to a Networking solution under review. It is acceptable for an APN Partner solution to be comprised of multiple products to address a category use case. … For each Case Study, the APN Partner must provide the following information: Name of the customer Customer challenge How the solution was deployed to meet the challenge Third party applications or solutions used Date the reference entered production Outcome(s)/results Specific architecture diagrams, deployment guides and other materials depending on the type of solution, as described in the next section. This information will be requested as part of the Program Application process in APN Partner Central. The information provided as part of this Case Study can be private and will not be made public. All 4 of the Case Studies provided will be examined in the Documentation Review of the Technical Validation. The Case Study will be removed from consideration for inclusion in the Competency if the APN Partner cannot provide the documentation necessary to assess the Case Study against each checklist item, or if there were any of the checklist items are not met. Case Studies must describe deployments that have been performed within the past 18 months, and must be for projects that are in production with customers, rather than in a \'pilot\' or proof of concept stage.',
      },
    },
    level: 'must',
    modal: 'must',
    checklists: BOTH,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'The case studies with the required details for each.', maxAgeMonths: 18 } },
  },
  {
    kind: 'business',
    id: 'business.case-studies-per-subcategory',
    title: 'A case study per subcategory',
    requirement: 'When more than one category is under review, at least one case study shows the technology in each claimed subcategory.',
    seed: {
      'microsoft-workloads': {
        ref: '2.1',
        title: 'Microsoft Workloads-Specific Case Studies',
        text: 'If more than one category is under review, at least one case study should demonstrate the use of technology in each subcategory.',
      },
    },
    level: 'should',
    modal: 'should',
    checklists: ['microsoft-workloads'],
    minimumCategories: 2,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'For each claimed subcategory, the case study that shows the technology in it.' } },
  },
  {
    kind: 'business',
    id: 'business.case-studies-segment-category',
    title: 'Case studies in the segment categories',
    requirement: 'Each of the four case studies is an example of the solution used in one of the segment categories.',
    seed: {
      networking: {
        ref: '2.1',
        title: 'Networking - Specific Case Studies',
        text: 'Each of the 4 Case Studies must relate to an example of the Partner solution being used in one of the three Segment Categories.',
      },
    },
    level: 'must',
    modal: 'must',
    checklists: ['networking'],
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'For each case study, the segment category it is an example of.' } },
  },
  {
    kind: 'business',
    id: 'business.public-case-studies',
    title: 'Public case studies',
    requirement: 'Two of the four case studies are published (case study, white paper, video or blog post), reachable from the partner home page, and name customer, partner and AWS, the challenge, the deployment, the AWS services used and the outcomes. On the Microsoft Workloads reduced path (two case studies), one of the two is public.',
    seed: {
      'microsoft-workloads': {
        ref: '2.2',
        title: 'Public Case Studies',
        text: 'Publicly available case studies are used by AWS upon approval into the Competency to showcase the APN Partner’s demonstrated success based on measurable Key Performance Indicators (KPIs) with the solution and provide customers with confidence that the APN Partner has the technology to meet their objectives. Two (2) of the four (4) customer deployments associated with the case studies must be publicized by the APN Partner as publicly available case studies. These publicly available case studies may be in the form of formal case studies, white papers, videos, or blog posts. Publicly available case studies must be easily discoverable from the APN Partner’s website, e.g. it must be possible to navigate to the publicly available case studies from the APN Partner’s home page, and the APN Partner must provide links to these publicly available case studies in their application. Publicly available case studies must include the following: Customer name, APN Partner name, and AWS Customer challenge How the solution was deployed to meet the challenge How AWS services were used as part of the solution Outcome(s)/results',
      },
      networking: {
        ref: '2.2',
        title: 'Publicly Available Case Studies',
        text: 'Publicly available case studies are used by AWS upon approval into the Competency to showcase the APN Partner has demonstrated success based on measurable KPIs with the solution and provide customers with confidence that the APN Partner has the experience and knowledge needed to develop and deliver solutions to meet their objectives. 2 of the four 4 customer deployments associated with the Case Studies must be publicized by the APN Partner as publicly available Case Studies. These publicly available Case Studies may be presented in the form of formal Case Studies, white papers, videos, or blog posts. Publicly available AWS Case Studies must be easily discoverable from the APN Partner\'s website, e.g. it must be possible to navigate to the publicly available Case Study from the APN Partner\'s home page, and the APN Partner must provide links to these publicly available Case Studies in their application. Publicly available AWS Case Studies must include the following: References to the customer name, APN Partner name, and AWS Customer challenge How the solution was deployed to meet the challenge How AWS services were used as part of the solution Outcome(s)/results',
      },
    },
    level: 'must',
    modal: 'must',
    checklists: BOTH,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Links to the public case studies (two; one on the Microsoft Workloads reduced path) and the navigation path from the home page.' } },
  },
  {
    kind: 'business',
    id: 'business.landing-page',
    title: 'AWS landing page (microsite)',
    requirement: 'A page reachable from the partner home page describes the AWS solution, links the public case studies, lists technology partnerships and highlights the work with AWS; the home page itself counts only for a partner dedicated to the field.',
    seed: {
      'microsoft-workloads': {
        ref: '3.1',
        title: 'Partner AWS Microsite',
        text: 'An APN Partner’s internet presence specific to their AWS Microsoft Workloads solutions provides customers with confidence about the APN Partner’s capabilities and experience. APN Partner must have an AWS microsite page that describes their AWS Microsoft Workloads solution, links to their publicly available case studies, lists technology partnerships, and provides any other relevant information supporting the Partner’s expertise related to Microsoft Workloads and highlighting the partnership with AWS. This AWS-specific Microsoft Workloads microsite must be accessible from the APN Partner’s home page. The home page itself is not acceptable as an AWS microsite unless APN Partner is a dedicated Microsoft Workloads company and home page reflects APN Partner’s focus on Microsoft Workloads.',
      },
      networking: {
        ref: '3.1',
        title: 'APN Partner AWS Landing Page',
        text: 'An APN Partner\'s internet presence specific to their AWS Networking Solutions provides customers with confidence about the APN Partner\'s capabilities and experience. APN Partner must have an AWS landing page that describes their AWS Networking solution, links to their publicly available Case Studies, lists technology partnerships, and provides any other relevant information supporting the AWS Partner\'s expertise related to AWS Networking Competency and highlighting the collaboration with AWS. This AWS-specific Networking page must be accessible from the APN Partner\'s home page. The home page itself is not acceptable as an AWS landing page unless APN Partner is a dedicated Networking company and home page reflects APN Partner\'s focus on AWS Networking Competency.',
      },
    },
    level: 'must',
    modal: 'must',
    checklists: BOTH,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Link to the landing page (microsite).' } },
  },
  {
    kind: 'business',
    id: 'business.thought-leadership',
    title: 'Thought leadership',
    requirement: 'Public material (blog posts, articles, videos) published within the last 12 months shows the partner\'s focus and expertise in the field.',
    seed: {
      'microsoft-workloads': {
        ref: '3.2',
        title: 'Microsoft Workloads Thought Leadership',
        text: 'AWS Microsoft Workloads Competency Partners are viewed as having deep domain expertise in Cloud Management, having developed innovative solutions that leverage or help manage AWS services. APN Partner must have public-facing materials (e.g., blog posts, press articles, videos, etc.) showcasing the APN Partner’s focus on and expertise in Microsoft Workloads. Links must be provided to examples of materials published within the last 12 months.',
      },
      networking: {
        ref: '3.2',
        title: 'Networking Thought Leadership',
        text: 'AWS Networking Competency Partners are viewed as having deep domain expertise in AWS Networking, having developed innovative solutions that leverage or help manage AWS services. APN Partner must have public-facing materials (e.g., blog posts, press articles, videos, etc.) showcasing the APN Partner\'s focus on and expertise in AWS Networking. Links must be provided to examples of materials published within the last 12 months.',
      },
    },
    level: 'must',
    modal: 'must',
    checklists: BOTH,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Links to public material published in the last 12 months.', maxAgeMonths: 12 } },
  },
  {
    kind: 'business',
    id: 'business.field-ready-toolkits',
    title: 'Field-ready seller toolkits',
    requirement: 'Sales collateral lets the AWS sales organization understand the value proposition and judge fit for an opportunity: at least a presentation, a one-pager and a use-case checklist.',
    seed: {
      networking: {
        ref: '4.1',
        title: 'Field-Ready Toolkits',
        text: 'APN Partner has field-ready documentation and seller toolkits including a clear product value proposition that can be articulated to the AWS sales organization with all relevant information needed to determine fit for a customer opportunity (e.g., sales collateral, presentation, and customer use cases). Evidence must be in the form of sales collateral including a presentation, one-pager, and use-case checklist.',
      },
    },
    level: 'must',
    modal: 'must',
    checklists: ['networking'],
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'The presentation, one-pager and use-case checklist.' } },
  },
  {
    kind: 'business',
    id: 'business.support-desk',
    title: 'Product support desk',
    requirement: 'Customers get product support through web chat, phone or email.',
    seed: {
      'microsoft-workloads': {
        ref: '4.1',
        title: 'Product Support/Help Desk',
        text: 'APN Partner offers product support via web chat, phone, or email support to customers. Evidence must be in the form of description of support offered to customers for their product or solution.',
      },
      networking: {
        ref: '4.2',
        title: 'Product Support/Help Desk',
        text: 'APN Partner offers product support via web chat, phone, or email support to customers. Evidence must be in the form of description of support offered to customers for their product or solution.',
      },
    },
    level: 'must',
    modal: 'must',
    checklists: BOTH,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Description of the support channels and hours offered to customers.' } },
  },
  {
    kind: 'business',
    id: 'business.marketplace',
    title: 'AWS Marketplace listing',
    requirement: 'The solution may be offered on AWS Marketplace; it is not mandatory for the competency, but a listing must be linked when there is one.',
    seed: {
      'microsoft-workloads': {
        ref: '4.2',
        title: 'Product is listed on AWS Marketplace',
        text: 'APN Partner makes solution available via AWS Marketplace. Yes No If “yes”, APN Partner must provide a link to the AWS Marketplace listing. If “no”, no further information is required. Note, AWS Marketplace is not mandatory to achieve the Competency.',
      },
      networking: {
        ref: '4.3',
        title: 'Product is listed on AWS Marketplace',
        text: 'APN Partner makes solution available via AWS Marketplace. Yes No If “yes”, APN Partner must provide a link to the AWS Marketplace listing. If “no”, no further information is required. Note, AWS Marketplace is not mandatory to achieve the competency',
      },
    },
    level: 'should',
    modal: 'must',
    levelReason: 'The seed says "AWS Marketplace is not mandatory to achieve the Competency"; its "must" asks only for the link when there is a listing, so a missing listing is never a failure.',
    checklists: BOTH,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'Link to the AWS Marketplace listing, or "not listed".' } },
  },
  {
    kind: 'business',
    id: 'business.self-assessment',
    title: 'Self-assessment submitted',
    requirement: 'The partner completes every section of the checklist as a self-assessment (ideally reviewed by its AWS partner team) and emails it to the competency team with the prescribed subject line.',
    seed: {
      'microsoft-workloads': {
        ref: '5.1',
        title: 'AWS Competency Partner Program Validation Checklist Self-Assessment',
        text: 'APN Partner must conduct a self-assessment of their compliance with this checklist. APN Partner must complete all sections of the Checklist. Completed self-assessment must be emailed to competency-checklist@amazon.com, using the following convention for the email subject line: “[APN Partner Name], Microsoft Workloads Competency Technology Partner Completed Self-Assessment.” It is recommended that APN Partner has their Partner Solutions Architect, PDR, or PDM review the completed self-assessment before submitting to AWS. The purpose of this is to ensure the APN Partner’s AWS team is engaged and working to provide recommendations prior to the review and to help ensure a productive review experience.',
      },
      networking: {
        ref: '5.1',
        title: 'AWS Competency Partner Program Validation Checklist Self-Assessment',
        text: 'APN Partner must conduct a self-assessment of their compliance to the requirements of the Checklist. APN Partner must complete all sections of the Checklist. Completed self-assessment must be emailed to competency-checklist@amazon.com, using the following convention for the email subject line: “[APN Partner Name], Networking Competency Technology Partner Completed Self-Assessment.” It is recommended that APN Partner has their PDR, or PDM review the completed self-assessment before submitting to AWS. The purpose of this is to ensure the APN Partner’s AWS team is engaged and working to provide recommendations prior to the review and to help ensure a productive review experience.',
      },
    },
    level: 'must',
    modal: 'must',
    checklists: BOTH,
    verification: { decidedBy: BY_ATTESTATION, attestation: { evidence: 'The completed self-assessment and the date it was sent.' } },
  },
];
