// Writes RULES.md from the checklist data and the rule registry: `npm run rules:md`.
import * as fs from 'fs';
import * as path from 'path';
import { renderRulesMarkdown } from '../lib/docs/rules-md';

const file = path.join(__dirname, '..', 'RULES.md');
fs.writeFileSync(file, renderRulesMarkdown() + '\n');
console.log(`wrote ${path.relative(process.cwd(), file)}`);
