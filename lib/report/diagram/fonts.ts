import * as fs from 'fs';
import * as path from 'path';
import { PACKAGE_DIR } from '../version';
import { DIAGRAM_CHARACTERS, DIAGRAM_FONT } from './text-metrics';

/**
 * Where the diagram fonts ship: `lib/report/diagram/fonts/` of the package, found from its root so that the
 * sources, the compiled modules and the one-file CLI bundle read the same files.
 */
export const DIAGRAM_FONTS_DIR: string = PACKAGE_DIR ? path.join(PACKAGE_DIR, 'lib', 'report', 'diagram', 'fonts') : path.join(__dirname, 'fonts');

/**
 * DejaVu Sans (regular, bold, oblique: the styles the labels use) cut down to {@link DIAGRAM_CHARACTERS}, hinting
 * removed (`npm run fonts:diagram`). resvg draws the PNGs with them: it reads a font's whole file again for every
 * glyph it outlines, which cost ~40 ms per diagram with the system's 750 KB files and costs ~2 ms with these; the
 * outlines are DejaVu's own, so the pixels are the same, and the PNG no longer depends on the fonts installed.
 */
export const DIAGRAM_FONT_FILES: readonly string[] = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf'].map((f) => path.join(DIAGRAM_FONTS_DIR, f));

let shipped: boolean | undefined;

/**
 * The diagram fonts to give resvg; none when they are missing (the library bundled into an application without
 * its files), and resvg then draws with the system's fonts as it finds them.
 */
export function diagramFontFiles(): readonly string[] {
  shipped ??= DIAGRAM_FONT_FILES.every((f) => fs.existsSync(f));
  return shipped ? DIAGRAM_FONT_FILES : [];
}

/** What the diagram fonts draw, and the white space that needs no glyph. */
const COVERED = new Set(DIAGRAM_CHARACTERS + '\t\n\r');

/**
 * Whether an SVG holds a character the diagram fonts lack (an account or stage name in another script, say), as
 * itself or as a numeric character reference. Conservative: it reads the whole document, not only the text drawn.
 */
export function needsSystemFonts(svg: string): boolean {
  for (const m of svg.matchAll(/[^\x20-\x7e\t\n\r]/gu)) if (!COVERED.has(m[0])) return true;
  for (const m of svg.matchAll(/&#(?:x([0-9a-f]+)|(\d+));/gi)) {
    const code = m[1] !== undefined ? parseInt(m[1], 16) : Number(m[2]);
    if (code > 0x10ffff || !COVERED.has(String.fromCodePoint(code))) return true;
  }
  return false;
}

/** The font options of resvg (`ResvgRenderOptions['font']`) that {@link pngFontOptions} sets. */
export interface PngFontOptions {
  readonly fontFiles: string[];
  readonly loadSystemFonts: boolean;
  readonly defaultFontFamily: string;
  readonly sansSerifFamily: string;
}

/**
 * The fonts resvg draws a diagram's PNG with: the shipped diagram fonts alone when they have every character of
 * the SVG, otherwise the system's fonts alone, as resvg finds them. Never both: resvg would shape a label with the
 * cut-down font and take the glyph it lacks from whichever system face has it first (a bold title came out in
 * DejaVu Sans Bold Oblique).
 */
export function pngFontOptions(svg: string): PngFontOptions {
  const shipped = needsSystemFonts(svg) ? [] : diagramFontFiles();
  return { fontFiles: [...shipped], loadSystemFonts: shipped.length === 0, defaultFontFamily: DIAGRAM_FONT, sansSerifFamily: DIAGRAM_FONT };
}
