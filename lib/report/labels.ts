/** Human titles of the checklist's identifiers, as printed in the evidence pack. */
import { CategoryId, ChecklistId, DeploymentModel, Pillar } from '../checklist';

export const CHECKLIST_TITLES: { readonly [C in ChecklistId]: string } = {
  'networking': 'AWS Networking Competency',
  'microsoft-workloads': 'AWS Microsoft Workloads Competency',
};

export const MODEL_TITLES: { readonly [M in DeploymentModel]: string } = {
  'saas': 'SaaS',
  'customer-deployed-on-aws': 'Customer-Deployed on AWS',
  'multi-tenant-saas': 'Multi-tenant SaaS',
  'single-tenant-saas': 'Single-tenant SaaS',
  'customer-deployed-on-premises': 'Customer Deployed On-Premises',
};

export const PILLAR_TITLES: { readonly [P in Pillar]: string } = {
  'security': 'Security',
  'reliability': 'Reliability',
  'operational-excellence': 'Operational Excellence',
};

export const CATEGORY_TITLES: { readonly [C in CategoryId]: string } = {
  'network-connectivity': 'Network Connectivity',
  'direct-connect-integrated': 'Direct Connect (Integrated)',
  'direct-connect-infrastructure': 'Direct Connect (Infrastructure)',
  'load-balancers': 'Load Balancers',
  'network-management': 'Network Management',
  'ms-migration': 'Migration',
  'ms-operational-optimization': 'Operational Optimization',
  'ms-data-analytics-ml': 'Data, Analytics and ML',
};

export const DOCUMENTATION_TITLE = 'Required documentation';
export const BUSINESS_TITLE = 'Business prerequisites';

/** Title of the group (table) an item is shown in. */
export function groupTitle(group: string): string {
  if (group in PILLAR_TITLES) return PILLAR_TITLES[group as Pillar];
  if (group in CATEGORY_TITLES) return CATEGORY_TITLES[group as CategoryId];
  if (group === 'documentation') return DOCUMENTATION_TITLE;
  if (group === 'business') return BUSINESS_TITLE;
  return group;
}
