/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The evidence pack's HTML in headless Chromium (Debian's `chromium`, driven by playwright-core): a screenshot,
 * no horizontal overflow at 1280 px, and every in-page link lands with its target visible below the sticky
 * filter bar. Skips, saying so, when Chromium is not installed (`.ci/run` installs it).
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { buildReferenceApp } from '../../examples/app';
import { EvidenceReport, generateEvidencePack } from '../../lib/report';
import { renderPackIndexHtml } from '../../lib/report/render/pack-index';
import { tmpDir } from './helpers';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) {
  console.warn(`browser test skipped: no Chromium at ${CHROMIUM} (install it with 'apt-get install -y chromium', or set CHROMIUM_PATH)`);
}
const browserTest = HAVE_CHROMIUM ? test : test.skip;

/** Where the screenshots are kept for a person to look at. */
export const SCREENSHOTS = path.join(tmpDir('cdk-competency-screenshots-'));

let packDir: string;
let indexFile: string;
let browser: import('playwright-core').Browser | undefined;

beforeAll(async () => {
  if (!HAVE_CHROMIUM) return;
  // GIVEN the pack of a reference deployment with its SAMPLE attestations (long construct paths, every section)
  const work = tmpDir('cdk-competency-browser-');
  const outdir = path.join(work, 'cdk.out');
  const context = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'cdk.json'), 'utf-8')).context;
  const app = new App({ context, outdir });
  buildReferenceApp(app, undefined, ['organization-trail']);
  app.synth();
  packDir = path.join(work, 'evidence', 'organization-trail', 'saas');
  const { report } = await generateEvidencePack({
    assemblyDir: path.join(outdir, 'assembly-OrganizationTrail'),
    selection: { checklist: 'networking', deploymentModel: 'saas', categories: ['network-connectivity'] },
    attestationsFile: path.join('examples', 'organization-trail', 'competency-attestations.sample.yaml'),
    outDir: packDir,
  });
  indexFile = path.join(work, 'evidence', 'index.html');
  fs.writeFileSync(indexFile, renderPackIndexHtml('Evidence packs', ['The packs.'], [{ name: 'organization-trail', variant: 'with SAMPLE attestations', dir: 'organization-trail/saas', report: report as EvidenceReport }]));
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function open(file: string, width = 1280) {
  const page = await browser!.newPage({ viewport: { width, height: 900 } });
  await page.goto(`file://${file}`);
  return page;
}

describe('checklist.html in Chromium', () => {
  browserTest('at 1280 px nothing overflows sideways; screenshots of the top and of the evidence', async () => {
    const page = await open(path.join(packDir, 'checklist.html'));
    const overflow = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
    expect(overflow.page).toBeLessThanOrEqual(overflow.viewport);
    // Every table cell and code span fits its box (paths wrap at '/' instead)
    const wide = await page.evaluate(() => [...document.querySelectorAll('main td, main dd')]
      .filter((el) => el.scrollWidth > (el as HTMLElement).clientWidth + 1 && !el.closest('figure'))
      .map((el) => `${el.tagName} ${(el.textContent ?? '').slice(0, 80)}`));
    expect(wide).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'checklist-top.png') });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'checklist-full.png'), fullPage: true });
    await page.close();
  }, 60_000);

  browserTest('every in-page link lands with its target below the sticky filter bar, inside the window', async () => {
    const page = await open(path.join(packDir, 'checklist.html'));
    const misses = await page.evaluate(() => {
      const bar = document.querySelector('.filters') as HTMLElement;
      const ids = [...new Set([...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href')!.slice(1)))];
      const out: string[] = [];
      for (const id of ids) {
        const target = document.getElementById(id);
        if (!target) {
          out.push(`#${id}: no such element`);
          continue;
        }
        window.scrollTo(0, 0);
        location.hash = `#${id}`;
        const heading = (target.matches('h1,h2,h3') ? target : target.querySelector('h2,h3')) ?? target;
        const top = heading.getBoundingClientRect().top;
        const barBottom = bar.getBoundingClientRect().bottom;
        const stuck = bar.getBoundingClientRect().top <= 0.5;
        if ((stuck && top < barBottom) || top < 0 || top > window.innerHeight - 20) out.push(`#${id}: heading at ${Math.round(top)} px (bar bottom ${Math.round(barBottom)}, window ${window.innerHeight})`);
      }
      return { count: ids.length, out };
    });
    expect(misses.out).toEqual([]);
    expect(misses.count).toBeGreaterThan(50);
    await page.evaluate(() => { location.hash = '#item-1-16'; });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'anchor-item-1-16.png') });
    await page.close();
  }, 60_000);

  browserTest('the Markdown and HTML anchors are the same', async () => {
    const md = fs.readFileSync(path.join(packDir, 'checklist.md'), 'utf-8');
    const mdAnchors = [...md.matchAll(/<a id="(item-[^"]+)"><\/a>/g)].map((m) => m[1]);
    const page = await open(path.join(packDir, 'checklist.html'));
    const htmlAnchors = await page.evaluate(() => [...document.querySelectorAll('article.item')].map((a) => a.id));
    expect(htmlAnchors).toEqual(mdAnchors);
    expect(htmlAnchors).toContain('item-1-16');
    await page.close();
  }, 60_000);
});

describe('evidence/index.html in Chromium', () => {
  browserTest('links every pack, and fits 1280 px', async () => {
    const page = await open(indexFile);
    const { links, overflow } = await page.evaluate(() => ({
      links: [...document.querySelectorAll('a')].map((a) => a.getAttribute('href')!),
      overflow: document.documentElement.scrollWidth > window.innerWidth,
    }));
    expect(overflow).toBe(false);
    for (const l of links) expect([l, fs.existsSync(path.join(path.dirname(indexFile), l))]).toEqual([l, true]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'index.png') });
    await page.close();
  }, 60_000);
});
