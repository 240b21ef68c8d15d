import * as fs from 'fs';
import * as path from 'path';
import { renderRulesMarkdown } from '../../lib/docs/rules-md';
import { CHECKLIST_ITEMS } from '../../lib/checklist';
import { ALL_RULES } from '../../lib/rules';

describe('RULES.md', () => {
  const generated = renderRulesMarkdown() + '\n';

  test('is up to date with the checklist data (run `npm run rules:md` to refresh)', () => {
    // GIVEN
    const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'RULES.md'), 'utf-8');
    // THEN
    expect(committed).toBe(generated);
  });

  test('quotes the seed\'s own words for every line of both seeds, with its number and title', () => {
    for (const item of CHECKLIST_ITEMS) {
      for (const [checklist, seed] of Object.entries(item.seed)) {
        const quoted = `${seed!.ref}${seed!.title !== seed!.ref ? ` ${seed!.title}` : ''}**: ${seed!.text}`.replace(/\|/g, '\\|');
        expect({ id: item.id, checklist, quoted: generated.includes(quoted) }).toEqual({ id: item.id, checklist, quoted: true });
      }
      expect(generated).toContain(`#### ${item.id} `);
    }
  });

  test('documents every technical item and every rule', () => {
    for (const item of CHECKLIST_ITEMS.filter((i) => i.kind === 'technical')) expect(generated).toContain(`| ${item.id} | `);
    for (const rule of ALL_RULES) expect(generated).toContain(`### ${rule.name}\n`);
  });
});
