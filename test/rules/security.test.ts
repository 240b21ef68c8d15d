// Every security rule, proven both ways by its fixtures in test/rules/security/<RuleName>.fixtures.ts.
import { describeGroup } from './group-suite';

describeGroup('security');
