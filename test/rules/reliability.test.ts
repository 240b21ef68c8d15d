// Every reliability rule, proven both ways by its fixtures in test/rules/reliability/<RuleName>.fixtures.ts.
import { describeGroup } from './group-suite';

describeGroup('reliability');
