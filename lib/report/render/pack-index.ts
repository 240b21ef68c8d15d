/**
 * An index of several evidence packs (`evidence/index.html`, `evidence/README.md`): one row per pack with its
 * selection and verdict counts, linking its `checklist.html`.
 */
import { EvidenceReport } from '../model';
import { MODEL_TITLES } from '../labels';
import { esc } from './html';
import { generatedLine, instant } from './common';

/** One pack of the index. */
export interface IndexedPack {
  /** What the pack covers, e.g. `multi-az-vpc` or `all five together`. */
  readonly name: string;
  /** A second line, e.g. `with SAMPLE attestations`. */
  readonly variant?: string;
  /** The pack directory, relative to the index, `/`-separated. */
  readonly dir: string;
  readonly report: EvidenceReport;
}

/** The index as a self-contained HTML page. */
export function renderPackIndexHtml(title: string, intro: readonly string[], packs: readonly IndexedPack[]): string {
  const rows = packs.map((p) => {
    const s = p.report.summary;
    const sel = p.report.selection;
    return `<tr><td class="name"><a href="${esc(p.dir)}/checklist.html">${esc(p.name)}</a>${p.variant ? `<br><span class="variant">${esc(p.variant)}</span>` : ''}</td>`
      + `<td>${esc(sel.checklistTitle)}</td><td>${esc(MODEL_TITLES[sel.deploymentModel])}</td>`
      + `<td class="n met">${s.met}</td><td class="n ${s.notMet ? 'not' : ''}">${s.notMet}</td><td class="n">${s.notApplicable}</td><td class="n ${s.openFindings ? 'not' : ''}">${s.openFindings}</td><td class="n">${s.acknowledgedFindings}</td>`
      + `<td class="files"><a href="${esc(p.dir)}/checklist.md">md</a> <a href="${esc(p.dir)}/checklist.csv">csv</a> <a href="${esc(p.dir)}/checklist.json">json</a> <a href="${esc(p.dir)}/deployment-guide.md">guide</a></td>`
      + `<td class="path"><code>${esc(p.dir)}/</code></td></tr>`;
  });
  const latest = packs.map((p) => p.report.generatedAt).sort().pop();
  return `${[
    '<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`, `<style>${INDEX_STYLE}</style>`, '</head>', '<body>',
    `<header><h1>${esc(title)}</h1>${latest ? `<p>Generated ${esc(instant(latest))}</p>` : ''}</header>`, '<main>',
    ...intro.map((p) => `<p>${p}</p>`),
    '<table><thead><tr><th>Pack</th><th>Checklist</th><th>Model</th><th>Met</th><th>Not met</th><th>N/A</th><th>Open findings</th><th>Acknowledged</th><th>Files</th><th>Directory</th></tr></thead>',
    `<tbody>${rows.join('\n')}</tbody></table>`,
    '</main>', '</body>', '</html>',
  ].join('\n')}\n`;
}

/** The index as Markdown. */
export function renderPackIndexMarkdown(title: string, intro: readonly string[], packs: readonly IndexedPack[]): string {
  return `${[
    `# ${title}`, '', ...intro.flatMap((p) => [p, '']),
    '| Pack | Checklist | Model | Met | Not met | N/A | Open findings | Acknowledged |',
    '| --- | --- | --- | --: | --: | --: | --: | --: |',
    ...packs.map((p) => {
      const s = p.report.summary;
      return `| [${p.name}](${p.dir}/checklist.html)${p.variant ? ` (${p.variant})` : ''} | ${p.report.selection.checklist} | ${p.report.selection.deploymentModel} | ${s.met} | ${s.notMet} | ${s.notApplicable} | ${s.openFindings} | ${s.acknowledgedFindings} |`;
    }),
    '',
    ...(packs.length ? [`Generated ${generatedLine(packs[packs.length - 1].report)}.`, ''] : []),
  ].join('\n')}`;
}

const INDEX_STYLE = `
*{box-sizing:border-box}
body{margin:0;color:#16202c;font-family:"Helvetica Neue",Helvetica,Arial,"Liberation Sans",sans-serif;line-height:1.45;font-size:14px}
header{background:#232f3e;color:#fff;padding:24px 40px 18px;border-bottom:4px solid #ff9900}
header h1{margin:0 0 4px;font-size:1.7rem;font-weight:600}header p{margin:0;color:#d5dbe3}
main{padding:20px 40px 60px;max-width:1320px;margin:0 auto}
a{color:#0b5cad;text-decoration:none}a:hover{text-decoration:underline}
table{border-collapse:collapse;width:100%;margin:14px 0}
th,td{text-align:left;vertical-align:top;padding:7px 10px;border-bottom:1px solid #d9dee5}
th{background:#f4f6f9;font-size:.74rem;text-transform:uppercase;letter-spacing:.05em;color:#5b6775}
td.n{text-align:right;font-variant-numeric:tabular-nums}td.met{color:#1e7b34;font-weight:600}td.not{color:#b3261e;font-weight:600}
td.name a{font-weight:600}.variant{color:#8a5300;font-size:.85rem}
td.path code{font-family:"SFMono-Regular",Menlo,Consolas,"Liberation Mono",monospace;font-size:.8rem;overflow-wrap:anywhere}
td.files a{margin-right:4px}
`;
