// Every microsoft-workloads rule, proven both ways by its fixtures in test/rules/microsoft-workloads/<RuleName>.fixtures.ts.
import { describeGroup } from './group-suite';

describeGroup('microsoft-workloads');
