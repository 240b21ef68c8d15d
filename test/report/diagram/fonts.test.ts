import * as fs from 'fs';
import * as path from 'path';
import { DIAGRAM_FONT_FILES, DIAGRAM_FONTS_DIR, diagramFontFiles, needsSystemFonts, pngFontOptions } from '../../../lib/report/diagram/fonts';
import { DIAGRAM_CHARACTERS, DIAGRAM_FONT, textWidth } from '../../../lib/report/diagram/text-metrics';

const ROOT = path.join(__dirname, '..', '..', '..');

/** What the test reads of a TrueType font: its family name, units per em, and each character's advance width. */
interface FontFacts { readonly family: string; readonly unitsPerEm: number; readonly advances: ReadonlyMap<string, number> }

/** A minimal TrueType reader (tables head, hhea, hmtx, cmap format 4, name), independent of resvg. */
function readFont(file: string): FontFacts {
  const b = fs.readFileSync(file);
  const tables = new Map<string, number>();
  for (let i = 0, n = b.readUInt16BE(4); i < n; i++) tables.set(b.toString('latin1', 12 + i * 16, 16 + i * 16), b.readUInt32BE(20 + i * 16));
  const at = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file}: no ${tag} table`);
    return offset;
  };
  const unitsPerEm = b.readUInt16BE(at('head') + 18);
  const metrics = b.readUInt16BE(at('hhea') + 34);
  const advanceOf = (glyph: number) => b.readUInt16BE(at('hmtx') + 4 * Math.min(glyph, metrics - 1));
  // cmap: the Windows Unicode BMP subtable (platform 3, encoding 1), format 4
  const cmap = at('cmap');
  let sub: number | undefined;
  for (let i = 0, n = b.readUInt16BE(cmap + 2); i < n; i++) {
    const rec = cmap + 4 + i * 8;
    if (b.readUInt16BE(rec) === 3 && b.readUInt16BE(rec + 2) === 1) sub = cmap + b.readUInt32BE(rec + 4);
  }
  if (sub === undefined || b.readUInt16BE(sub) !== 4) throw new Error(`${file}: no format 4 Unicode cmap`);
  const segments = b.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const offsets = deltas + segments * 2;
  const advances = new Map<string, number>();
  for (let s = 0; s < segments; s++) {
    const [start, end] = [b.readUInt16BE(starts + s * 2), b.readUInt16BE(ends + s * 2)];
    const [delta, rangeOffset] = [b.readInt16BE(deltas + s * 2), b.readUInt16BE(offsets + s * 2)];
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph = rangeOffset === 0 ? c : b.readUInt16BE(offsets + s * 2 + rangeOffset + (c - start) * 2);
      if (glyph !== 0) glyph = (glyph + (rangeOffset === 0 ? delta : 0) + 0x10000) % 0x10000;
      if (glyph !== 0) advances.set(String.fromCharCode(c), advanceOf(glyph));
    }
  }
  // name record 1 (family), Windows Unicode, UTF-16BE
  const name = at('name');
  const strings = name + b.readUInt16BE(name + 4);
  let family = '';
  for (let i = 0, n = b.readUInt16BE(name + 2); i < n && !family; i++) {
    const rec = name + 6 + i * 12;
    if (b.readUInt16BE(rec) === 3 && b.readUInt16BE(rec + 6) === 1) {
      const bytes = Buffer.from(b.subarray(strings + b.readUInt16BE(rec + 10), strings + b.readUInt16BE(rec + 10) + b.readUInt16BE(rec + 8)));
      family = bytes.swap16().toString('utf16le');
    }
  }
  return { family, unitsPerEm, advances };
}

describe('the diagram fonts (DejaVu Sans cut down to the characters the diagrams measure)', () => {
  test.each(DIAGRAM_FONT_FILES.map((f) => [path.basename(f), f]))('%s: family DejaVu Sans, exactly the measured characters, with the widths the layout used', (_name, file) => {
    const font = readFont(file);
    expect(font.family).toBe(DIAGRAM_FONT);
    expect([...font.advances.keys()].sort()).toEqual([...DIAGRAM_CHARACTERS].sort());
    const bold = /Bold/.test(file); // Oblique has the regular widths
    for (const ch of DIAGRAM_CHARACTERS) {
      expect([ch, font.advances.get(ch)! / font.unitsPerEm]).toEqual([ch, expect.closeTo(textWidth(ch, 1, bold), 3)]);
    }
  });

  test('they are found from the package root, and the package ships their folder', () => {
    expect(diagramFontFiles()).toEqual(DIAGRAM_FONT_FILES);
    expect(DIAGRAM_FONT_FILES.every((f) => fs.existsSync(f))).toBe(true);
    expect(fs.readFileSync(path.join(DIAGRAM_FONTS_DIR, 'LICENSE'), 'utf-8')).toContain('Bitstream Vera Fonts Copyright');
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')) as { files: string[] };
    expect(pkg.files).toContain(`${path.relative(ROOT, DIAGRAM_FONTS_DIR).split(path.sep).join('/')}/`);
  });

  test('needsSystemFonts: only for a character the fonts lack, written as itself or as a character reference', () => {
    const svg = (label: string) => `<svg xmlns="http://www.w3.org/2000/svg">\n<text font-family="'DejaVu Sans'">${label}</text>\n</svg>\n`;
    expect(needsSystemFonts(svg('Prod &#45; eu&#45;west&#45;1 → 3 × NAT gateway · café'))).toBe(false);
    expect(needsSystemFonts(svg('&#x2192; &#8594; &amp; &lt;VPC&gt;'))).toBe(false);
    expect(needsSystemFonts(svg('Zürich'))).toBe(true);
    expect(needsSystemFonts(svg('本番アカウント'))).toBe(true);
    expect(needsSystemFonts(svg('&#26412;&#30058;'))).toBe(true);
    expect(needsSystemFonts(svg('&#x1F680;'))).toBe(true);
  });

  test('pngFontOptions: the shipped fonts alone, or the system\'s alone, never both', () => {
    const svg = (label: string) => `<svg xmlns="http://www.w3.org/2000/svg">\n<text font-weight="bold">${label}</text>\n</svg>\n`;
    expect(pngFontOptions(svg('AWS account 111111111111'))).toEqual({ fontFiles: DIAGRAM_FONT_FILES, loadSystemFonts: false, defaultFontFamily: DIAGRAM_FONT, sansSerifFamily: DIAGRAM_FONT });
    // with both, resvg drew this bold title in DejaVu Sans Bold Oblique: the cut-down bold face lacks ü
    expect(pngFontOptions(svg('Zürich Prod account'))).toEqual({ fontFiles: [], loadSystemFonts: true, defaultFontFamily: DIAGRAM_FONT, sansSerifFamily: DIAGRAM_FONT });
  });
});
