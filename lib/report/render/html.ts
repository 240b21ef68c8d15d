/**
 * `checklist.html`: one self-contained page (no external assets) for the auditor: summary, per-pillar and
 * per-category tables with client-side filters, acknowledgements, environment, the architecture diagrams
 * inline, and the evidence of every item. Prints cleanly (filters hidden, every row shown).
 */
import { Architecture, Flow } from '../architecture/model';
import { DiagramRef, EvidenceReport, ItemEvidence, STATUS_LABELS } from '../model';
import { claimsText, MODEL_TITLES } from '../labels';
import {
  acknowledgementGroups, decidedByText, evidenceLines, generatedLine, instant, itemAnchor, levelText, LIVE_STATE_LABELS, liveLine, minutes, plural,
  seedLine, sourceLine, statusLabel, suppressionLabel, synthErrorNotice, toolAcknowledgementsLine,
} from './common';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets';

/** Escapes text for HTML content and attribute values. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** A construct path or file path: breaks after each `/` before it would break inside a name. */
function pathCode(p: string): string {
  return `<code class="path">${esc(p).replace(/\//g, '/<wbr>')}</code>`;
}

function badge(item: ItemEvidence, small = false): string {
  const cls = item.withExceptions ? 'exc' : item.status;
  return `<span class="badge ${cls}${small ? ' small' : ''}">${esc(statusLabel(item))}</span>`;
}

/** A link when the evidence looks like a URL, else a code span (a file path). */
function evidenceLink(evidence: string): string {
  return /^https?:\/\//.test(evidence) ? `<a href="${esc(evidence)}">${esc(evidence).replace(/\//g, '/<wbr>')}</a>` : pathCode(evidence);
}

/** Makes an SVG safe to inline next to others: no XML prolog, ids prefixed so diagrams do not clash. */
export function inlineSvg(svg: string, prefix: string): string {
  return svg
    .replace(/<\?xml[^>]*\?>\s*/g, '')
    .replace(/<!DOCTYPE[^>]*>\s*/gi, '')
    .replace(/<!--[\s\S]*?-->\s*/g, '')
    .replace(/\bid="([^"]+)"/g, `id="${prefix}$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${prefix}$1"`)
    .trim();
}

/** Inputs beyond the report: the diagrams' SVG text and the numbered flows they draw. */
export interface HtmlInputs {
  readonly report: EvidenceReport;
  /** The SVG text of each diagram, by its `svgFile`. */
  readonly diagramSvgs?: ReadonlyMap<string, string>;
  /** The pack's numbered flows, listed under the diagrams with the numbers the pictures show. */
  readonly architecture?: Architecture;
  /** The flow steps each diagram draws, by its `svgFile` (default: the flows of its stage). */
  readonly diagramSteps?: ReadonlyMap<string, readonly string[] | undefined>;
}

export function renderHtml({ report, diagramSvgs, architecture, diagramSteps }: HtmlInputs): string {
  const figure = (d: DiagramRef, n: number) => {
    const svg = diagramSvgs?.get(d.svgFile);
    const files = [d.svgFile, d.pngFile, ...(d.dotFile ? [d.dotFile] : [])].map((f) => `<a href="${esc(f)}"><code>${esc(f)}</code></a>`).join(', ');
    return ['<figure>', svg ? inlineSvg(svg, `d${n}-`) : `<p class="muted">Diagram not available inline: see <code>${esc(d.svgFile)}</code>.</p>`,
      `<figcaption>${esc(d.title)} &middot; ${files}</figcaption>`, flowList(architecture?.flows ?? [], d, diagramSteps?.get(d.svgFile)), '</figure>'].join('\n');
  };
  const s = report.summary;
  const sel = report.selection;
  const applicable = s.met + s.notMet;
  const pct = (n: number) => (applicable ? ((n / applicable) * 100).toFixed(2) : '0');
  const title = `${sel.checklistTitle}: validation checklist evidence`;
  const h: string[] = [];
  h.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="${esc(`${report.tool.name} ${report.tool.version}`)}">`,
    `<title>${esc(title)}</title>`, `<style>${HTML_STYLE}</style>`, '</head>', '<body>');
  const notice = synthErrorNotice(report);
  if (notice) h.push(`<div class="synth-errors" role="alert"><strong>&#9888; Synth errors.</strong> ${esc(notice)} <a href="#provenance">Provenance</a></div>`);
  h.push('<header class="doc">',
    `<p class="kicker">Technology Partner Validation Checklist &middot; Evidence pack</p>`,
    `<h1>${esc(sel.checklistTitle)}</h1>`,
    `<p class="sub">${esc(MODEL_TITLES[sel.deploymentModel])} deployment model${sel.categories.length ? ` &middot; ${esc(claimsText(sel))}` : ''} &middot; generated ${esc(generatedLine(report))}</p>`,
    '</header>', '<main>');

  // The overview of a whole app opens the report
  const overview = report.diagrams.findIndex((d) => d.kind === 'overview');
  if (overview >= 0) {
    h.push('<section id="overview">', '<h2>Overview: accounts, stacks and the flows between them</h2>', figure(report.diagrams[overview], overview), '</section>');
  }

  // Summary
  const meta: [string, string][] = [
    ['Checklist', esc(sel.checklistTitle)],
    ['Deployment model', `${esc(MODEL_TITLES[sel.deploymentModel])} <code>${esc(sel.deploymentModel)}</code>${sel.strict ? ' (strict)' : ''}`],
    ['Categories', esc(claimsText(sel))],
    ['Accounts', report.assembly.accounts.map((a) => `<code>${esc(a.account)}</code> <span class="muted">${esc(a.regions.join(', '))}</span>`).join('<br>')],
    ['Cloud assembly', `${pathCode(report.assembly.dir)} &middot; ${plural(report.assembly.stacks.length, 'stack')}${report.assembly.stages.length ? ` in ${esc(report.assembly.stages.join(', '))}` : ''}`],
    ['Generated', `${esc(generatedLine(report))} &middot; ${esc(report.tool.name)} ${esc(report.tool.version)}${report.attestationsFile ? `<br><span class="muted">attestations: <code>${esc(report.attestationsFile)}</code></span>` : ''}`],
  ];
  const prov = report.provenance;
  if (prov) {
    meta.push(
      ['Source', esc(sourceLine(report))],
      ['Synth / runtime results', `${prov.synthErrors.length ? `<span class="ko">${plural(prov.synthErrors.length, 'synth error')}</span> <span class="muted">(--allow-synth-errors)</span>` : 'no synth error recorded'}<br><span class="${report.live ? '' : 'muted'}">Runtime results ${esc(liveLine(report))}</span>${report.live?.problems.length ? ` <a href="#provenance">(calls)</a>` : ''}`],
      ['Command', `<code>${esc(prov.commandLine)}</code>`],
    );
  }
  h.push('<section id="summary">', '<h2>Summary</h2>');
  h.push(s.allMet
    ? `<div class="verdict ok">&#10004; Every applicable item is Met (${s.met} of ${applicable}${s.metWithExceptions ? `, ${s.metWithExceptions} with an acknowledged exception` : ''}).</div>`
    : `<div class="verdict ko">&#10008; ${plural(s.notMet, 'applicable item')} ${s.notMet === 1 ? 'is' : 'are'} Not met (${s.met} of ${applicable} Met).</div>`);
  h.push('<div class="cards">',
    card('met', s.met, 'Met'), card('not', s.notMet, 'Not met'), card('', s.notApplicable, 'Not applicable'),
    card('exc', s.metWithExceptions, 'Met with exception'), card(s.openFindings ? 'not' : '', s.openFindings, 'Open findings'),
    card(s.acknowledgedFindings ? 'exc' : '', s.acknowledgedFindings, 'Acknowledged findings'),
    card('', s.openRecommendations, 'Open recommendations'), '</div>');
  h.push(`<div class="bar" title="${s.met} Met, ${s.notMet} Not met of ${applicable} applicable"><span class="met" style="width:${pct(s.met - s.metWithExceptions)}%"></span><span class="exc" style="width:${pct(s.metWithExceptions)}%"></span><span class="not" style="width:${pct(s.notMet)}%"></span></div>`);
  h.push(`<dl class="meta">${meta.map(([k, v]) => `<div><dt>${k}</dt><dd>${v}</dd></div>`).join('')}</dl>`);
  const notMet = report.items.filter((i) => i.status === 'not-met');
  if (notMet.length) {
    h.push('<div class="attention">', `<h3>Needs attention: ${plural(notMet.length, 'item')}</h3>`, '<ul>');
    for (const i of notMet) h.push(`<li><a href="#${esc(itemAnchor(i.id))}"><strong>${esc(i.id)}</strong> ${esc(i.title)}</a> <span class="why">&mdash; ${esc(shortProblem(i))}</span></li>`);
    h.push('</ul>', '</div>');
  }
  const acked = report.items.filter((i) => i.withExceptions);
  if (acked.length) {
    h.push('<div class="attention" style="border-color:#f0d08a;background:#fffdf6">', `<h3 style="color:var(--exc)">Met with exception: ${plural(acked.length, 'item')}</h3>`, '<ul>');
    for (const i of acked) for (const f of i.rules.acknowledged) {
      h.push(`<li><a href="#${esc(itemAnchor(i.id))}"><strong>${esc(i.id)}</strong></a> <code>${esc(f.rule)}</code> on ${pathCode(f.path)}: <em>${esc(f.acknowledgement ?? '')}</em></li>`);
    }
    h.push('</ul>', '</div>');
  }
  h.push('<nav class="toc">', ...report.groups.map((g) => `<a href="#group-${esc(g.id)}">${esc(g.title)}</a>`),
    '<a href="#recommendations">Recommendations</a>', '<a href="#acknowledgements">Acknowledgements</a>', '<a href="#environment">Environment</a>',
    ...(report.diagrams.length ? ['<a href="#diagrams">Architecture diagrams</a>'] : []), ...(prov ? ['<a href="#provenance">Provenance</a>'] : []),
    '<a href="#evidence">Evidence by item</a>', '</nav>');
  h.push('</section>');

  // Filters + tables
  h.push('<div class="filters" role="search">',
    '<label>Status <select id="f-status"><option value="">All</option><option value="met">Met</option><option value="exception">Met with exception</option><option value="not-met">Not met</option><option value="not-applicable">Not applicable</option></select></label>',
    `<label>Pillar / category <select id="f-group"><option value="">All</option>${report.groups.map((g) => `<option value="${esc(g.id)}">${esc(g.title)}</option>`).join('')}</select></label>`,
    '<label>Text <input id="f-text" type="search" placeholder="id, title, rule, resource…"></label>',
    '<span class="count" id="f-count"></span>', '</div>');
  for (const g of report.groups) {
    const items = report.items.filter((i) => i.group === g.id);
    const met = items.filter((i) => i.status === 'met').length;
    const app = items.filter((i) => i.status !== 'not-applicable').length;
    h.push(`<section class="group" id="group-${esc(g.id)}">`,
      `<h2 class="group-head">${esc(g.title)} <span class="tally">${met} of ${app} applicable Met${items.length > app ? ` &middot; ${items.length - app} N/A` : ''}</span></h2>`,
      '<table class="items"><colgroup><col style="width:12%"><col style="width:27%"><col style="width:6%"><col style="width:11%"><col style="width:10%"><col></colgroup><thead><tr><th>ID</th><th>Requirement</th><th>Level</th><th>Status</th><th>Decided by</th><th>How it was established</th></tr></thead><tbody>');
    for (const i of items) {
      h.push(`<tr ${dataAttrs(i)}><td class="id"><a href="#${esc(itemAnchor(i.id))}">${esc(i.id)}</a></td><td><span class="seed-title">${esc(seedLine(i))}</span><br>${esc(i.title)}${i.applicability.condition ? `<br><span class="muted">${esc(i.applicability.condition)}</span>` : ''}</td><td class="lvl">${i.level}</td><td class="st">${badge(i)}</td><td class="by">${esc(decidedByText(i))}</td><td class="basis">${esc(i.basis)}</td></tr>`);
    }
    h.push('</tbody></table>', '</section>');
  }

  // Recommendations
  const recommendations = report.items.filter((i) => i.status !== 'not-applicable').flatMap((i) => i.rules.recommended.failed.map((f) => ({ i, f })));
  h.push('<section id="recommendations">', '<h2>Recommendations beyond the checklist</h2>',
    '<p>Good practice the checklist\'s text does not demand. They never decide a verdict; each says which sentence of the checklist it goes beyond and why.</p>');
  if (recommendations.length === 0) h.push('<p class="muted">No open recommendation.</p>');
  else {
    h.push('<table class="ack"><thead><tr><th>Item</th><th>Rule</th><th>Resource</th><th>Problem</th><th>Why</th></tr></thead><tbody>');
    for (const { i, f } of recommendations) {
      const why = i.rules.planned.find((p) => p.ruleId === f.ruleId)?.why ?? '';
      h.push(`<tr><td><a href="#${esc(itemAnchor(i.id))}">${esc(i.id)}</a></td><td><code>${esc(f.rule)}</code></td><td>${pathCode(f.path)}</td><td>${esc(f.reason ?? '')}</td><td class="reason">${esc(why)}</td></tr>`);
    }
    h.push('</tbody></table>');
  }
  h.push('</section>');

  // Acknowledgements
  h.push('<section id="acknowledgements">', '<h2>Acknowledgements</h2>');
  if (report.acknowledgements.length === 0) h.push('<p class="muted">The app acknowledges no finding.</p>');
  else {
    const suppressing = report.acknowledgements.reduce((n, a) => n + (a.suppressed?.length ?? 0), 0);
    h.push(`<p>The app's acknowledgements, by rule, with their reasons. An acknowledgement covers the construct it is made on and everything below it. Those of Competency rules suppress ${plural(suppressing, 'finding')} of this report (the summary's acknowledged findings) and make their items <em>Met with exception</em>; other tools' rules are not evaluated here.</p>`,
      '<table class="ack"><thead><tr><th>Acknowledged on</th><th>Stack</th><th>Reason</th><th>Suppresses here</th></tr></thead>');
    for (const g of acknowledgementGroups(report)) {
      h.push(`<tbody><tr class="rule"><th colspan="4"><code>${esc(g.ruleId)}</code>${g.itemId ? ` <a href="#${esc(itemAnchor(g.itemId))}">${esc(g.itemId)}</a>` : ''} <span class="muted">${esc(g.tool)}</span></th></tr>`);
      for (const a of g.entries) {
        const what = a.suppressed && a.suppressed.length > 0
          ? `<strong>${esc(suppressionLabel(a))}</strong>: ${a.suppressed.map((r) => `<code>${esc(r.path)}</code>`).join(', ')}`
          : `<span class="muted">${esc(suppressionLabel(a))}</span>`;
        h.push(`<tr><td><code>${esc(a.path)}</code></td><td>${esc(a.stack)}</td><td class="reason">${esc(a.reason)}</td><td>${what}</td></tr>`);
      }
      h.push('</tbody>');
    }
    h.push('</table>');
  }
  const toolLine = toolAcknowledgementsLine(report);
  if (toolLine) h.push(`<p class="muted">${esc(toolLine)}</p>`);
  h.push('</section>');

  // Environment
  h.push('<section id="environment">', '<h2>Environment</h2>',
    '<table><thead><tr><th>Stack</th><th>Stage</th><th>Account</th><th>Region</th><th>Depends on</th><th>Resources</th><th>RPO / RTO</th></tr></thead><tbody>');
  for (const st of report.assembly.stacks) {
    const ro = st.recoveryObjectives ? `${minutes(st.recoveryObjectives.rpoMinutes)} / ${minutes(st.recoveryObjectives.rtoMinutes)}` : '<span class="muted">not declared</span>';
    h.push(`<tr><td><strong>${esc(st.name)}</strong></td><td>${esc(st.stage || '(app)')}</td><td><code>${esc(st.account ?? 'unknown')}</code></td><td>${esc(st.region ?? 'unknown')}</td><td>${esc(st.dependsOn.join(', ') || '—')}</td><td>${st.resourceCount}</td><td>${ro}</td></tr>`);
  }
  h.push('</tbody></table>', '</section>');

  // Diagrams
  if (report.diagrams.length) {
    h.push('<section id="diagrams">', '<h2>Architecture diagrams</h2>');
    report.diagrams.forEach((d, n) => {
      if (d.kind !== 'overview') h.push(figure(d, n));
    });
    h.push('</section>');
  }

  if (prov) {
    h.push('<section id="provenance">', '<h2>Provenance</h2>',
      `<p>Generated by <code>${esc(prov.commandLine)}</code> from ${esc(sourceLine(report))}. <code>cdk-competency verify &lt;pack&gt;</code> recomputes the SHA-256 of every assembly file below and of the pack's own files (<code>evidence-pack.json</code>).</p>`);
    if (report.live) {
      h.push(`<p>Runtime results ${esc(liveLine(report))}${report.live.defaultRegion ? ` (region of environment-agnostic stacks: ${esc(report.live.defaultRegion)})` : ''}.</p>`);
      if (report.live.problems.length) h.push(`<ul class="problems">${report.live.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`);
    }
    if (prov.synthErrors.length) {
      h.push(`<h3 class="ko">Synth errors</h3><ul class="problems">${prov.synthErrors.map((e) => `<li>${e.path ? `<code>${esc(e.path)}</code>: ` : ''}${esc(e.message.split('\n')[0])} <span class="muted">(${e.source})</span></li>`).join('')}</ul>`);
    }
    h.push(`<table class="versions"><thead><tr><th>Version of</th><th></th></tr></thead><tbody>${Object.entries(prov.versions).map(([k, v]) => `<tr><td>${esc(k)}</td><td><code>${esc(v)}</code></td></tr>`).join('')}</tbody></table>`);
    h.push(`<table class="hashes"><thead><tr><th>Assembly file</th><th>Stack</th><th>SHA-256</th></tr></thead><tbody>${prov.assemblyFiles.map((f) => `<tr><td>${pathCode(f.file)}</td><td>${esc(f.stack ?? '—')}</td><td class="hash"><code>${esc(f.sha256)}</code></td></tr>`).join('')}</tbody></table>`);
    h.push('</section>');
  }

  // Evidence per item
  h.push('<section id="evidence">', '<h2>Evidence by item</h2>');
  for (const i of report.items) h.push(itemArticle(i));
  h.push('</section>');

  h.push(`<footer>Generated by ${esc(report.tool.name)} ${esc(report.tool.version)} on ${esc(generatedLine(report))} from ${pathCode(report.assembly.dir)}. Synth findings come from the same rules the <code>CompetencyChecks</code> cdk-nag pack runs at synth; runtime controls are read from the templates; attestations are signed statements. Machine-readable: <code>checklist.json</code> (schema version ${report.schemaVersion}), <code>checklist.csv</code>.</footer>`);
  h.push('</main>', `<script>${HTML_SCRIPT}</script>`, '</body>', '</html>');
  return `${h.join('\n')}\n`;
}

/**
 * The numbered flows a diagram draws, each step in words: the same numbers as on the picture (its legend) and in
 * the deployment guide.
 */
function flowList(flows: readonly Flow[], d: DiagramRef, steps: readonly string[] | undefined): string {
  const drawn = steps ? new Set(steps) : undefined;
  const shown = flows
    .map((f) => ({ f, steps: f.steps.filter((s) => (drawn ? drawn.has(s.id) : d.kind !== 'overview' && f.stage === d.stage)) }))
    .filter((x) => x.steps.length > 0);
  if (!shown.length) return '';
  return `<div class="flows"><h3>Numbered flows</h3><ol>${shown.map(({ f, steps: st }) => `<li id="${esc(`flow-${d.kind === 'overview' ? 'overview-' : ''}${f.number}`)}" value="${f.number}"><strong>${esc(f.title)}</strong><ul>${st.map((s) => `<li><span class="step${s.crossAccount ? ' cross' : ''}">${esc(s.id)}</span> ${esc(s.text)}${s.crossAccount ? ' <span class="muted">(crosses accounts)</span>' : ''}</li>`).join('')}</ul>${f.note ? `<p class="muted">${esc(f.note)}</p>` : ''}${st.length < f.steps.length ? '<p class="muted">The other steps are in the stage\'s diagram.</p>' : ''}</li>`).join('')}</ol></div>`;
}

/** The first problem, shortened for the summary list (the item's section has them all). */
function shortProblem(i: ItemEvidence): string {
  const p = i.problems[0] ?? '';
  const short = p.replace(/^(\d+ synth findings? not acknowledged):.*$/, '$1').replace(/^no evidence: .*$/, 'no evidence');
  return i.problems.length > 1 ? `${short} (+${i.problems.length - 1})` : short;
}

function card(cls: string, n: number, label: string): string {
  return `<div class="card ${cls}"><div class="n">${n}</div><div class="l">${esc(label)}</div></div>`;
}

function dataAttrs(i: ItemEvidence): string {
  const text = [i.id, i.title, i.seed.title, i.requirement, i.basis, ...i.rules.planned.map((p) => p.ruleId),
    ...[...i.rules.failed, ...i.rules.acknowledged, ...i.rules.passed].map((f) => f.path),
    ...i.runtimeControls.map((c) => c.id), i.attestation?.provided?.attestedBy ?? ''].join(' ').toLowerCase();
  return `data-item="${esc(i.id)}" data-status="${i.status}" data-exc="${i.withExceptions ? 1 : 0}" data-group="${esc(i.group)}" data-text="${esc(text)}"`;
}

function itemArticle(i: ItemEvidence): string {
  const cls = i.withExceptions ? 'exc' : i.status;
  const a: string[] = [`<article class="item ${cls}" id="${esc(itemAnchor(i.id))}" ${dataAttrs(i)}>`,
    `<a class="top" href="#group-${esc(i.group)}">&uarr; back to table</a>`,
    `<h3>${esc(i.id)} ${esc(i.title)} ${badge(i, true)}</h3>`,
    `<blockquote class="seed"><strong>Checklist, ${esc(seedLine(i))}</strong>: ${esc(i.seed.text)}</blockquote>`,
    `<p class="req"><span class="muted">In our words:</span> ${esc(i.requirement)}</p>`,
    `<p class="basis">${esc(i.basis)}</p>`];
  if (i.problems.length > 1) a.push(`<ul class="problems">${i.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`);
  a.push('<dl>');
  a.push(`<dt>Applies</dt><dd>${i.applicability.applies ? 'Yes' : 'No'}: ${esc(i.applicability.reason)}. <span class="muted">Level: ${esc(levelText(i))}.</span></dd>`);
  if (i.status !== 'not-applicable') {
    a.push(`<dt>Decided by</dt><dd>${esc(decidedByText(i))}${i.decision.note ? `<br><span class="muted">${esc(i.decision.note)}</span>` : ''}<ul class="evidence-kinds">${evidenceLines(i).map((l) => `<li>${esc(l)}</li>`).join('')}</ul></dd>`);
  }
  if (i.status !== 'not-applicable' || i.rules.planned.length) {
    const required = i.rules.planned.filter((p) => p.kind === 'required');
    const recommended = i.rules.planned.filter((p) => p.kind === 'recommended');
    if (required.length || i.rules.unavailable.length) {
      const rules = [...required.map((p) => `<code title="${esc(`Rests on: "${p.seedSentence}"`)}">${esc(p.ruleId)}</code>${p.scope === 'app' ? ' <span class="muted">(assembly-wide)</span>' : ''}`),
        ...i.rules.unavailable.map((n) => `<code>${esc(n)}</code> <span class="muted">(did not run)</span>`)];
      const rows = [
        ...i.rules.failed.map((f) => `<tr><td><span class="badge not-met small">Fail</span></td><td><code>${esc(f.rule)}</code></td><td>${pathCode(f.path)}<br><span class="muted">${esc(f.stack)} &middot; ${esc(f.logicalId)} &middot; ${esc(f.type)}</span></td><td>${esc(f.reason ?? '')}</td></tr>`),
        ...i.rules.acknowledged.map((f) => `<tr><td><span class="badge exc small">Acknowledged</span></td><td><code>${esc(f.rule)}</code></td><td>${pathCode(f.path)}<br><span class="muted">${esc(f.stack)} &middot; ${esc(f.logicalId)}</span></td><td>${esc(f.reason ?? '')}<br><strong>Reason:</strong> <em>${esc(f.acknowledgement ?? '')}</em></td></tr>`),
        ...(i.rules.notShown ?? []).map((f) => `<tr><td><span class="badge small">Not shown</span></td><td><code>${esc(f.rule)}</code></td><td>${pathCode(f.path)}<br><span class="muted">${esc(f.stack)} &middot; ${esc(f.logicalId)}</span></td><td>${esc(f.reason ?? '')}</td></tr>`),
        ...i.rules.passed.map((f) => `<tr><td><span class="badge met small">Pass</span></td><td><code>${esc(f.rule)}</code></td><td>${pathCode(f.path)}<br><span class="muted">${esc(f.stack)}</span></td><td class="muted">${esc(f.type)}</td></tr>`),
      ];
      a.push(`<dt>Synth rules</dt><dd>${rules.join(', ')}${rows.length ? `<table><thead><tr><th>Result</th><th>Rule</th><th>Resource</th><th>Detail</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '<br><span class="muted">No resource of the assembly is in scope.</span>'}</dd>`);
    }
    if (recommended.length) {
      const r = i.rules.recommended;
      const why = recommended.map((p) => `<li><code>${esc(p.rule)}</code> goes beyond <q>${esc(p.seedSentence)}</q>: ${esc(p.why ?? '')}</li>`);
      const rows = [
        ...r.failed.map((f) => `<tr><td><span class="badge small">Recommended</span></td><td><code>${esc(f.rule)}</code></td><td><code>${esc(f.path)}</code><br><span class="muted">${esc(f.stack)} &middot; ${esc(f.logicalId)}</span></td><td>${esc(f.reason ?? '')}</td></tr>`),
        ...r.acknowledged.map((f) => `<tr><td><span class="badge exc small">Acknowledged</span></td><td><code>${esc(f.rule)}</code></td><td><code>${esc(f.path)}</code></td><td>${esc(f.reason ?? '')}<br><strong>Reason:</strong> <em>${esc(f.acknowledgement ?? '')}</em></td></tr>`),
      ];
      a.push(`<dt>Recommended</dt><dd><span class="muted">Beyond the checklist; never part of the verdict (${plural(r.passed.length, 'check')} passed).</span><ul>${why.join('')}</ul>${rows.length ? `<table><thead><tr><th>Result</th><th>Rule</th><th>Resource</th><th>Detail</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : ''}</dd>`);
    }
    if (i.runtimeControls.length) {
      a.push(`<dt>Runtime controls</dt><dd><table><thead><tr><th>Control</th><th>Kind</th><th>Deployed in</th><th>Result</th></tr></thead><tbody>${i.runtimeControls.map((c) => {
        const where = c.deployedIn.length
          ? `<span class="ok">&#10004;</span> ${c.deployedIn.map((d) => `${esc(d.stack)} <code>${esc(d.logicalId)}</code>`).join('<br>')}`
          : c.mechanism ? '<span class="ko">&#10008; the mechanism, not deployed</span>' : '<span class="muted">not deployed</span>';
        return `<tr><td><code>${esc(c.id)}</code>${c.required ? ' <span class="badge small">result decides</span>' : ''}${c.mechanism ? ' <span class="badge small">mechanism</span>' : ''}<br><span class="muted">${esc(c.description)}</span></td><td>${esc(c.kind)}</td><td>${where}</td><td>${liveCell(c)}</td></tr>`;
      }).join('')}</tbody></table></dd>`);
    }
    if (i.attestation) {
      const at = i.attestation;
      const state = at.state === 'valid' ? '<span class="ok">&#10004; valid</span>' : at.state === 'stale' ? '<span class="ko">&#10008; stale</span>' : at.required ? '<span class="ko">&#10008; awaiting attestation</span>' : '<span class="muted">not provided (optional)</span>';
      const body = at.provided
        ? `${state}${at.validUntil ? ` <span class="muted">(valid until ${esc(at.validUntil)})</span>` : ''}<br><strong>${esc(at.provided.attestedBy)}</strong>, ${esc(at.provided.date)} &middot; ${evidenceLink(at.provided.evidence)}${at.provided.notes ? `<br><span class="muted">${esc(at.provided.notes)}</span>` : ''}`
        : state;
      a.push(`<dt>Attestation</dt><dd>${body}<br><span class="muted">Expected: ${esc(at.expected)}${at.maxAgeMonths ? ` At most ${at.maxAgeMonths} months old.` : ''}</span></dd>`);
    }
    if (i.supportingResources.length) {
      a.push(`<dt>Resources serving it</dt><dd>${i.supportingResources.map((r) => `${pathCode(r.path)} <span class="muted">${esc(r.type)}</span>`).join('<br>')}</dd>`);
    }
    if (i.generatedEvidence.length) a.push(`<dt>In this pack</dt><dd>${i.generatedEvidence.map((f) => `<a href="${esc(f)}">${esc(f)}</a>`).join(', ')}</dd>`);
  }
  a.push('</dl>', '</article>');
  return a.join('');
}

/** A control's live result: state, summary, each result read (the first 10) and the calls refused. */
function liveCell(c: ItemEvidence['runtimeControls'][number]): string {
  if (!c.deployedIn.length) return '<span class="muted">&mdash;</span>';
  if (!c.live) return '<span class="muted">deployed, not verified</span>';
  const l = c.live;
  const cls = l.state === 'verified' ? 'met' : l.state === 'failing' ? 'not-met' : l.state === 'missing' ? 'not-met' : 'not-applicable';
  const rows = l.results.slice(0, 10).map((r) => `<li><code>${esc(r.state)}</code> ${esc(r.resource ?? r.source)}${r.at ? ` <span class="muted">${esc(instant(r.at))}</span>` : ''}${r.detail ? ` <span class="muted">&middot; ${esc(r.detail)}</span>` : ''}</li>`);
  if (l.results.length > 10) rows.push(`<li class="muted">and ${l.results.length - 10} more in checklist.json</li>`);
  return `<span class="badge ${cls} small">${esc(LIVE_STATE_LABELS[l.state])}</span> <span class="muted">${esc(instant(l.checkedAt))}</span><br>${esc(l.summary)}`
    + `${rows.length ? `<ul class="live">${rows.join('')}</ul>` : ''}${l.problems.length ? `<ul class="problems">${l.problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>` : ''}`;
}

export { STATUS_LABELS };
