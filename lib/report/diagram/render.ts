import { renderAsync } from '@resvg/resvg-js';
import { instance, Viz } from '@viz-js/viz';
import { LoadedAssembly } from '../assembly';
import { Architecture, describeArchitecture } from '../architecture';
import { buildDiagramModel, diagramStages } from './build-model';
import { GROUP_IMAGE, NODE_IMAGE, toDot } from './dot';
import { pngFontOptions } from './fonts';
import { iconSymbol } from './icons';
import { DiagramModel } from './model';
import { buildOverviewModel } from './overview';
import { encodePng } from './png';
import { GvJson, overlay } from './post';
import { DIAGRAM_FONT } from './text-metrics';

/** Options of {@link renderDiagrams}. */
export interface DiagramRenderOptions {
  /**
   * The flows and account names to draw: derive them once per pack and share them with the other renderers, so
   * that the numbers on the pictures are the numbers in the report and the deployment guide.
   * @default - derived from the assembly, without account names
   */
  readonly architecture?: Architecture;
  /**
   * Draw each stack as a dashed box around its resources.
   * @default false
   */
  readonly stackBoundaries?: boolean;
  /**
   * Also draw the overview (accounts and regions, one node per stack, the flows between stacks).
   * @default - when the assembly has more than one stage
   */
  readonly overview?: boolean;
  /**
   * Width of the PNG in pixels.
   * @default - twice the SVG's size in points (144 dpi), at most 6000 pixels wide
   */
  readonly pngWidth?: number;
  /**
   * Rasterize the PNG (the slowest part); without it `png` is empty.
   * @default true
   */
  readonly png?: boolean;
  /**
   * A Graphviz WebAssembly instance to reuse (from `@viz-js/viz`'s `instance()`); creating one takes ~100 ms.
   * @default - a shared instance created on first use
   */
  readonly viz?: Viz;
}

/** One rendered architecture diagram. */
export interface RenderedDiagram {
  /** Stage path, `''` for the top-level stacks of the app; `''` for the overview too (see {@link kind}). */
  readonly stage: string;
  /** A stage's diagram, or the overview of the whole app. */
  readonly kind: 'stage' | 'overview';
  /** Self-contained SVG (icons inlined as data URIs). */
  readonly svg: string;
  /**
   * The same diagram as PNG, drawn off the main thread (resvg rasterizes and zlib compresses in Node's thread pool,
   * while the caller goes on with other work): await it when writing the file. Empty when `png` is `false`.
   */
  readonly png: Promise<Buffer>;
  /** The Graphviz source, for people who want to edit the drawing (icons referenced by their `aws-icons` path). */
  readonly dot: string;
  /** The diagram as data. */
  readonly model: DiagramModel;
}

/**
 * Font stack in the SVG: DejaVu Sans (Graphviz laid the labels out with its metrics; resvg draws the PNG with it, from
 * the fonts shipped in `fonts/`), then fonts of about the same width for viewers that lack it.
 */
export const SVG_FONT_FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif";

let sharedViz: Promise<Viz> | undefined;

/**
 * Renders the architecture diagrams of an assembly: one per stage (or one for the app when it has no stages) —
 * AWS accounts → regions → VPCs with their Availability Zone lanes and subnet tiers, resources that span AZs drawn
 * once across the lanes they cover, connections outside AWS, and every numbered flow with its legend — plus, for
 * an app of several stages, an overview of its accounts, stacks and the flows between them.
 *
 * The diagram module's one entry point (the rest loads with it): asynchronous only because the Graphviz
 * WebAssembly module loads asynchronously; pass `viz` to reuse one instance.
 */
export async function renderDiagrams(assembly: LoadedAssembly, opts: DiagramRenderOptions = {}): Promise<RenderedDiagram[]> {
  // The models are built while the WebAssembly module compiles (V8 compiles it off the main thread).
  const vizReady = opts.viz ? Promise.resolve(opts.viz) : (sharedViz ??= instance());
  vizReady.catch(() => undefined); // a failure surfaces below, not as an unhandled rejection if a model throws first
  const architecture = opts.architecture ?? describeArchitecture(assembly);
  const stages = diagramStages(assembly);
  const models = stages.map((stage) => buildDiagramModel(assembly, stage, { architecture, stackBoundaries: opts.stackBoundaries }));
  if (opts.overview ?? assembly.stages.length > 1) models.unshift(buildOverviewModel(assembly, architecture));
  const viz = await vizReady;
  return models.map((model) => renderModel(viz, model, opts));
}

/** Lays out and renders one diagram model (synchronous, given a Graphviz instance). */
function renderModel(viz: Viz, model: DiagramModel, opts: Pick<DiagramRenderOptions, 'pngWidth' | 'png'>): RenderedDiagram {
  const { dot, images, plan } = toDot(model);
  const result = viz.renderFormats(dot, ['svg', 'json0'], { images });
  if (result.status !== 'success') {
    throw new Error(`Graphviz could not lay out the diagram of ${model.stage || 'the app'}: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  const json = JSON.parse(result.output.json0) as GvJson;
  const svg = postProcessSvg(result.output.svg, overlay(json, result.output.svg, plan));
  const points = Number(/<svg width="([\d.]+)pt"/.exec(svg)?.[1] ?? 800);
  const width = opts.pngWidth ?? Math.min(6000, Math.round(points * 2));
  const png = opts.png === false ? Promise.resolve(Buffer.alloc(0)) : svgToPng(svg, width);
  // A failure surfaces where the PNG is awaited, not as an unhandled rejection while the caller is busy.
  png.catch(() => undefined);
  return { stage: model.kind === 'overview' ? '' : model.stage, kind: model.kind, svg, png, dot, model };
}

/**
 * Adds the lanes (below) and badges (above), draws each icon once as a symbol that its nodes use, sets the font
 * stack and drops Graphviz's comments.
 */
function postProcessSvg(svg: string, extra: { readonly below: string; readonly above: string }): string {
  const background = /(<g id="graph0" class="graph"[^>]*>\n(?:<title>[^<]*<\/title>\n)?<polygon fill="white"[^>]*\/>\n)/;
  const icons = new Map<string, string>();
  const body = svg
    .replace(/<!-- Generated by graphviz[\s\S]*?-->\n?/, '')
    .replace(/<!-- [^>]*? -->\n/g, '')
    .replace(background, `$1${extra.below}\n`)
    .replace(/<\/g>\n<\/svg>\s*$/, `${extra.above}\n</g>\n</svg>\n`)
    .replace(/<image xlink:href="((?:node|group):[^"]+)" width="([\d.]+)px" height="([\d.]+)px" preserveAspectRatio="[^"]*" x="([-\d.]+)" y="([-\d.]+)"\/>/g,
      (_m, name: string, w: string, h: string, x: string, y: string) => {
        const icon = name.startsWith(NODE_IMAGE) ? name.slice(NODE_IMAGE.length) : name.slice(GROUP_IMAGE.length);
        let id = icons.get(icon);
        if (!id) icons.set(icon, (id = `icon${icons.size + 1}`));
        return `<use class="icon" xlink:href="#${id}" x="${x}" y="${y}" width="${w}" height="${h}"/>`;
      })
    .replace(new RegExp(`font-family="${DIAGRAM_FONT}"`, 'g'), `font-family="${SVG_FONT_FAMILY}"`);
  if (/<image xlink:href="(node|group):/.test(body)) throw new Error('an icon of the diagram could not be inlined');
  const defs = `<defs>\n${[...icons].map(([icon, id]) => iconSymbol(icon, id)).join('\n')}\n</defs>\n`;
  return body.replace(/(<svg [^>]*>\n)/, `$1${defs}`);
}

/**
 * Rasterizes an SVG with resvg and encodes the pixels as PNG, both mostly in Node's thread pool: resvg's
 * `renderAsync`, then zlib's asynchronous deflate (`encodePng`). The text is drawn with the shipped diagram fonts
 * when they have every character (see `pngFontOptions`).
 */
async function svgToPng(svg: string, width: number): Promise<Buffer> {
  const image = await renderAsync(svg, { fitTo: { mode: 'width', value: width }, background: 'white', font: pngFontOptions(svg) });
  // Opaque pixels (white background), so resvg's premultiplied RGBA is plain RGBA.
  return encodePng(image.pixels, image.width, image.height);
}
