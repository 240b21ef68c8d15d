import * as fs from 'fs';
import * as path from 'path';

let iconsDir: string | undefined;

/** The `icons/` directory of the installed `aws-icons` package (official AWS architecture icons). */
export function awsIconsDir(): string {
  iconsDir ??= path.join(path.dirname(require.resolve('aws-icons/package.json')), 'icons');
  return iconsDir;
}

const dataUris = new Map<string, string>();

/** An icon (path relative to `aws-icons/icons/`) as a `data:image/svg+xml;base64,...` URI. */
export function iconDataUri(icon: string): string {
  let uri = dataUris.get(icon);
  if (!uri) {
    const file = path.join(awsIconsDir(), icon);
    let svg: Buffer;
    try {
      svg = fs.readFileSync(file);
    } catch {
      throw new Error(`architecture icon ${icon} not found in ${awsIconsDir()} (is the 'aws-icons' package installed?)`);
    }
    uri = `data:image/svg+xml;base64,${svg.toString('base64')}`;
    dataUris.set(icon, uri);
  }
  return uri;
}

const symbols = new Map<string, { viewBox: string; attrs: string; body: string }>();

/**
 * An icon as an SVG `<symbol>` with the given id: drawn once per diagram and `<use>`d by every node, so the SVG
 * stays small and resvg draws the icons as vectors (nested SVG images are slow to rasterize). Ids inside the icon
 * are prefixed with the symbol's id so that icons never clash.
 */
export function iconSymbol(icon: string, id: string): string {
  let parsed = symbols.get(icon);
  if (!parsed) {
    const file = path.join(awsIconsDir(), icon);
    let svg: string;
    try {
      svg = fs.readFileSync(file, 'utf-8');
    } catch {
      throw new Error(`architecture icon ${icon} not found in ${awsIconsDir()} (is the 'aws-icons' package installed?)`);
    }
    const root = /<svg\b([^>]*)>([\s\S]*)<\/svg>\s*$/.exec(svg.trim());
    if (!root) throw new Error(`architecture icon ${icon} is not an SVG document`);
    const viewBox = /viewBox="([^"]+)"/.exec(root[1])?.[1] ?? '0 0 48 48';
    const attrs = root[1].replace(/\s(xmlns(:\w+)?|viewBox|width|height|version|id)="[^"]*"/g, '').trim();
    parsed = { viewBox, attrs, body: root[2].replace(/<title>[\s\S]*?<\/title>/g, '') };
    symbols.set(icon, parsed);
  }
  const body = parsed.body
    .replace(/\bid="([^"]+)"/g, `id="${id}-$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${id}-$1)`)
    .replace(/href="#([^"]+)"/g, `href="#${id}-$1"`);
  return `<symbol id="${id}" viewBox="${parsed.viewBox}" preserveAspectRatio="xMinYMin meet"><g${parsed.attrs ? ` ${parsed.attrs}` : ''}>${body}</g></symbol>`;
}
