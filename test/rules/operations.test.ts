// Every operational excellence rule, proven both ways by its fixtures in test/rules/operations/<RuleName>.fixtures.ts.
import { describeGroup } from './group-suite';

describeGroup('operations');
