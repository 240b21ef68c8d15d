/** `checklist.md`: the completed validation checklist as Markdown (tables per pillar and category, then the evidence per item). */
import { EvidenceReport, ItemEvidence } from '../model';
import { MODEL_TITLES } from '../labels';
import { generatedLine, minutes, plural, statusLabel } from './common';

/** Escapes a table cell: pipes, line breaks. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function code(s: string): string {
  return `\`${s.replace(/`/g, "'")}\``;
}

const ICON: { readonly [k: string]: string } = { 'met': '✅', 'not-met': '❌', 'not-applicable': '➖' };

function anchor(item: ItemEvidence): string {
  return `item-${item.id.replace(/\./g, '-')}`;
}

export function renderMarkdown(report: EvidenceReport): string {
  const s = report.summary;
  const sel = report.selection;
  const out: string[] = [
    `# ${sel.checklistTitle}: validation checklist evidence`,
    '',
    `| | |`,
    `| --- | --- |`,
    `| Deployment model | ${MODEL_TITLES[sel.deploymentModel]} (${code(sel.deploymentModel)})${sel.strict ? ', strict' : ''} |`,
    `| Categories | ${sel.categories.length ? sel.categories.map(code).join(', ') : 'none claimed'} |`,
    `| Accounts | ${report.assembly.accounts.map((a) => `${code(a.account)} (${a.regions.join(', ')})`).join(', ')} |`,
    `| Cloud assembly | ${code(report.assembly.dir)}: ${plural(report.assembly.stacks.length, 'stack')}${report.assembly.stages.length ? ` in ${plural(report.assembly.stages.length, 'stage')} (${report.assembly.stages.join(', ')})` : ''} |`,
    `| Attestations | ${report.attestationsFile ? code(report.attestationsFile) : 'none given'} |`,
    `| Generated | ${generatedLine(report)} by ${report.tool.name} ${report.tool.version} |`,
    '',
    '## Summary',
    '',
    `**${s.allMet ? 'Every applicable item is Met.' : `${plural(s.notMet, 'applicable item')} ${s.notMet === 1 ? 'is' : 'are'} Not met.`}**`,
    '',
    '| Met | Not met | Not applicable | Met with exception | Open findings | Acknowledged findings |',
    '| ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${s.met} | ${s.notMet} | ${s.notApplicable} | ${s.metWithExceptions} | ${s.openFindings} | ${s.acknowledgedFindings} |`,
    '',
  ];

  const notMet = report.items.filter((i) => i.status === 'not-met');
  if (notMet.length) {
    out.push('### Not met', '');
    for (const i of notMet) out.push(`- [${i.id} ${i.title}](#${anchor(i)}): ${i.problems.join('; ')}`);
    out.push('');
  }

  for (const g of report.groups) {
    out.push(`## ${g.title}`, '', '| ID | Item | Level | Status | How it was established |', '| --- | --- | --- | --- | --- |');
    for (const i of report.items.filter((x) => x.group === g.id)) {
      out.push(`| [${i.id}](#${anchor(i)}) | ${cell(i.title)} | ${i.level} | ${ICON[i.status]} ${statusLabel(i)} | ${cell(i.basis)} |`);
    }
    out.push('');
  }

  out.push('## Acknowledged exceptions', '');
  if (report.acknowledgements.length === 0) {
    out.push('No finding is acknowledged in the templates.', '');
  } else {
    out.push('| Rule | Resource | Stack | Reason | Suppresses a finding here |', '| --- | --- | --- | --- | --- |');
    for (const a of report.acknowledgements) {
      out.push(`| ${code(a.ruleId)} | ${code(a.path)} | ${cell(a.stack)} | ${cell(a.reason)} | ${a.suppressesFinding ? 'yes' : 'no'} |`);
    }
    out.push('');
  }

  out.push('## Environment', '', '| Stack | Stage | Account | Region | Depends on | Resources | RPO / RTO |', '| --- | --- | --- | --- | --- | ---: | --- |');
  for (const st of report.assembly.stacks) {
    const ro = st.recoveryObjectives ? `${minutes(st.recoveryObjectives.rpoMinutes)} / ${minutes(st.recoveryObjectives.rtoMinutes)}` : 'not declared';
    out.push(`| ${cell(st.name)} | ${cell(st.stage || '(app)')} | ${st.account ?? 'unknown'} | ${st.region ?? 'unknown'} | ${cell(st.dependsOn.join(', ') || '—')} | ${st.resourceCount} | ${ro} |`);
  }
  out.push('');
  if (report.diagrams.length) {
    out.push('## Architecture diagrams', '');
    for (const d of report.diagrams) out.push(`### ${d.title}`, '', `![${d.title}](${d.pngFile})`, '', `SVG: [${d.svgFile}](${d.svgFile})`, '');
  }

  out.push('## Evidence by item', '');
  for (const i of report.items) {
    out.push(`### <a id="${anchor(i)}"></a>${i.id} ${i.title}`, '');
    out.push(`**${ICON[i.status]} ${statusLabel(i)}** (${i.level}). ${i.basis}`, '');
    out.push(`> ${i.requirement}`, '');
    out.push(`- Applicability: ${i.applicability.reason}.`);
    if (i.rules.planned.length || i.rules.unavailable.length) {
      out.push(`- Synth rules: ${[...i.rules.planned.map((p) => code(p.ruleId)), ...i.rules.unavailable.map((n) => `${code(n)} (did not run)`)].join(', ')}; ${plural(i.rules.passed.length, 'check')} passed.`);
    }
    for (const f of i.rules.failed) out.push(`  - ❌ ${code(f.ruleId)} on ${code(f.path)} (${f.stack}, ${code(f.logicalId)}): ${f.reason ?? ''}`);
    for (const f of i.rules.acknowledged) out.push(`  - ⚠️ acknowledged ${code(f.ruleId)} on ${code(f.path)} (${f.stack}): ${f.reason ?? ''}. Reason: ${f.acknowledgement}`);
    for (const c of i.runtimeControls) {
      const where = c.deployedIn.length ? `deployed in ${[...new Set(c.deployedIn.map((d) => d.stack))].join(', ')}` : c.required ? '**required, not deployed**' : 'not deployed';
      out.push(`- Runtime control ${code(c.id)} (${c.kind}${c.required ? ', required' : ''}): ${where}.`);
    }
    if (i.attestation) {
      const a = i.attestation;
      if (a.provided) {
        out.push(`- Attestation (${a.state}${a.validUntil ? `, valid until ${a.validUntil}` : ''}): ${a.provided.attestedBy}, ${a.provided.date}; evidence: ${a.provided.evidence}${a.provided.notes ? `; notes: ${a.provided.notes}` : ''}`);
      } else {
        out.push(`- Attestation ${a.required ? 'required' : 'optional'}, not provided. Expected: ${a.expected}${a.maxAgeMonths ? ` (at most ${a.maxAgeMonths} months old)` : ''}`);
      }
    }
    if (i.supportingResources.length) out.push(`- Resources serving this item: ${i.supportingResources.map((r) => code(r.path)).join(', ')}`);
    if (i.generatedEvidence.length) out.push(`- In this pack: ${i.generatedEvidence.map((f) => `[${f}](${f})`).join(', ')}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
