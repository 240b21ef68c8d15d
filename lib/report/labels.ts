/** Human titles of the checklist's identifiers, as printed in the evidence pack. */
import { CategoryId, CHECKLIST_NAMES, ChecklistId, DeploymentModel, Pillar, SUBCATEGORIES, SubcategoryId } from '../checklist';

export const CHECKLIST_TITLES: { readonly [C in ChecklistId]: string } = {
  'networking': `AWS ${CHECKLIST_NAMES.networking} Competency`,
  'microsoft-workloads': `AWS ${CHECKLIST_NAMES['microsoft-workloads']} Competency`,
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

/**
 * The claimed categories with their claimed subcategories: `Operational Optimization (Availability and
 * Disaster Recovery; Resource Management, ...)`, or with ids (`ms-operational-optimization (availability)`).
 */
export function claimsText(
  claims: { readonly categories: readonly CategoryId[]; readonly subcategories?: readonly SubcategoryId[] },
  form: 'title' | 'id' = 'title',
): string {
  if (claims.categories.length === 0) return 'none claimed';
  return claims.categories.map((c) => {
    const subs = SUBCATEGORIES[c].filter((s) => (claims.subcategories ?? []).includes(s.id));
    const name = form === 'title' ? CATEGORY_TITLES[c] : c;
    if (subs.length === 0) return name;
    return `${name} (${subs.map((s) => (form === 'title' ? s.choice : s.id.slice(c.length + 1))).join('; ')})`;
  }).join(', ');
}

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
