/**
 * The architecture of an assembly as data, derived once per evidence pack: readable names, account names (roles)
 * and the numbered flows. The diagrams draw it; the HTML report and the deployment guide list the same flows with
 * the same numbers. Light: no Graphviz, no rasterizer.
 */
import { LoadedAssembly } from '../assembly';
import { AccountNames } from './accounts';
import { deriveFlows } from './flows';
import { Architecture } from './model';
import { Network } from './network';
import { ResourceIndex } from './resource-index';

export * from './model';
export { AccountNames, accountNamesFromCdkJson, accountNamesProblems, cdkJsonOf, parseAccountNames, ACCOUNT_NAMES_CONTEXT_KEY } from './accounts';

/** Options of {@link describeArchitecture}. */
export interface DescribeArchitectureOptions {
  /**
   * Names of accounts by id (their role: management, audit, workload, DR...).
   * @default - none: accounts are shown by number only
   */
  readonly accountNames?: AccountNames;
}

/** Derives the architecture of an assembly: its numbered flows and account names. */
export function describeArchitecture(assembly: LoadedAssembly, opts: DescribeArchitectureOptions = {}): Architecture {
  const index = new ResourceIndex(assembly.stacks, assembly.nestedStacks);
  const accountNames = opts.accountNames ?? {};
  return { accountNames, flows: deriveFlows(assembly, index, new Network(index), accountNames) };
}
