import { CorpusApp } from '../types';
import { build } from './app';

export const eksPlatform: CorpusApp = {
  name: 'eks-platform',
  description: 'EKS with L1s: private endpoint, control-plane logging, secrets key, a managed node group over three zones from a launch template (IMDSv2, encrypted volumes), ECR, an internal NLB.',
  build,
  selections: [{
    name: 'networking/saas',
    selection: { checklist: 'networking', deploymentModel: 'saas' },
    findings: [],
    passes: [],
    verdicts: {},
  }],
};
