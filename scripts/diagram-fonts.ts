/**
 * Writes lib/report/diagram/fonts/: DejaVu Sans, Bold and Oblique cut down to the characters the diagrams measure
 * (DIAGRAM_CHARACTERS of lib/report/diagram/text-metrics.ts), which resvg draws the PNGs with. Run after adding a
 * character to the width tables: `npm run fonts:diagram`.
 *
 * Why cut-down fonts: resvg reads a font's whole file again for every glyph it outlines (about 18 times per label);
 * with the system's 750 KB DejaVu Sans that was ~40 ms of every PNG, with these ~15 KB files it is ~2 ms. The glyphs
 * are DejaVu's own outlines, so the PNG is the same pixel for pixel, and it no longer depends on the fonts installed.
 *
 * Needs fontTools (`apt-get install python3-fonttools`, or `pip install fonttools`) and the DejaVu fonts
 * (`fonts-dejavu-core`). PYTHON names the interpreter that has fontTools (default: python3, then /usr/bin/python3);
 * DEJAVU_DIR the folder of DejaVuSans.ttf (default: /usr/share/fonts/truetype/dejavu).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DIAGRAM_FONT_FILES, DIAGRAM_FONTS_DIR } from '../lib/report/diagram/fonts';
import { DIAGRAM_CHARACTERS } from '../lib/report/diagram/text-metrics';

const DEJAVU_DIR = process.env.DEJAVU_DIR ?? '/usr/share/fonts/truetype/dejavu';


/** The license a font carries in its name table (record 13): DejaVu's, which the shipped fonts must come with. */
function licenseOf(py: string, font: string): string {
  const script = 'import sys\nfrom fontTools.ttLib import TTFont\nname = TTFont(sys.argv[1])["name"]\nprint(name.getDebugName(13) or "")';
  const text = execFileSync(py, ['-c', script, font], { encoding: 'utf-8' }).replace(/\r\n?/g, '\n').trim();
  if (!text) throw new Error(`fonts:diagram: ${font} carries no license text (name record 13)`);
  return text;
}

/** The Python interpreter that can import fontTools. */
function python(): string {
  const candidates = process.env.PYTHON ? [process.env.PYTHON] : ['python3', '/usr/bin/python3'];
  const found = candidates.find((p) => spawnSync(p, ['-c', 'import fontTools'], { stdio: 'ignore' }).status === 0);
  if (!found) {
    throw new Error(`fonts:diagram: none of ${candidates.join(', ')} can import fontTools: install it (apt-get install python3-fonttools, or pip install fonttools) or set PYTHON`);
  }
  return found;
}

function main(): void {
  const py = python();
  const unicodes = [...DIAGRAM_CHARACTERS].map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(',');
  fs.mkdirSync(DIAGRAM_FONTS_DIR, { recursive: true });
  // Each shipped font is cut from the DejaVu file of the same name.
  for (const shipped of DIAGRAM_FONT_FILES.map((f) => path.basename(f))) {
    const source = path.join(DEJAVU_DIR, shipped);
    if (!fs.existsSync(source)) throw new Error(`fonts:diagram: ${source} not found: install fonts-dejavu-core or set DEJAVU_DIR`);
    const out = path.join(DIAGRAM_FONTS_DIR, shipped);
    // Every layout feature kept (kerning, as resvg applies it); hinting dropped (resvg draws outlines unhinted); the
    // name records fontTools keeps by default (copyright, family, style, version): the license text goes in LICENSE,
    // since resvg reads the whole file for every glyph.
    execFileSync(py, ['-m', 'fontTools.subset', source, `--unicodes=${unicodes}`, '--layout-features=*', '--no-hinting', `--output-file=${out}`],
      { stdio: ['ignore', 'inherit', 'pipe'] });
    process.stdout.write(`${path.relative(process.cwd(), out)}: ${fs.statSync(out).size} bytes (${[...DIAGRAM_CHARACTERS].length} characters of ${source})\n`);
  }
  const license = licenseOf(py, path.join(DEJAVU_DIR, path.basename(DIAGRAM_FONT_FILES[0])));
  fs.writeFileSync(path.join(DIAGRAM_FONTS_DIR, 'LICENSE'), [
    'The fonts in this folder are DejaVu Sans, Bold and Oblique (https://dejavu-fonts.github.io/), cut down to the',
    'characters the architecture diagrams use and without hinting (scripts/diagram-fonts.ts). Their license, as the',
    'fonts carry it:',
    '',
    license,
    '',
  ].join('\n'));
}

if (require.main === module) main();
