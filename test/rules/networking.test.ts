// Every networking rule, proven both ways by its fixtures in test/rules/networking/<RuleName>.fixtures.ts.
import { describeGroup } from './group-suite';

describeGroup('networking');
