/** `checklist.json`: the report model as it is (schema in `lib/report/SCHEMA.md`). */
import { EvidenceReport } from '../model';

export function renderJson(report: EvidenceReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
