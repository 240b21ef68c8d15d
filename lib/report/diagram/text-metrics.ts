/**
 * Advance widths of DejaVu Sans (regular and bold), in ems: the font the diagrams are drawn in. For ASCII they
 * are the widths Graphviz itself uses for DejaVu Sans (its built-in table, taken from the font), so a label
 * measured here is the label Graphviz laid out; for the few other characters the labels use (×, –, →, ·...) they
 * are the font's own advances, which Graphviz only estimates (as one space per UTF-8 byte).
 */

const REGULAR_ASCII = [
  0.3179, 0.4009, 0.46, 0.8379, 0.6362, 0.9502, 0.7798, 0.2749, 0.3901, 0.3901, 0.5, 0.8379, 0.3179, 0.3608, 0.3179, 0.3369,
  0.6362, 0.6362, 0.6362, 0.6362, 0.6362, 0.6362, 0.6362, 0.6362, 0.6362, 0.6362, 0.3369, 0.3369, 0.8379, 0.8379, 0.8379, 0.5308,
  1, 0.6841, 0.686, 0.6982, 0.77, 0.6318, 0.5752, 0.7749, 0.752, 0.2949, 0.2949, 0.6558, 0.5571, 0.8628, 0.748, 0.7871,
  0.603, 0.7871, 0.6948, 0.6348, 0.6108, 0.7319, 0.6841, 0.9888, 0.6851, 0.6108, 0.6851, 0.3901, 0.3369, 0.3901, 0.8379, 0.5,
  0.5, 0.6128, 0.6348, 0.5498, 0.6348, 0.6152, 0.3521, 0.6348, 0.6338, 0.2778, 0.2778, 0.5791, 0.2778, 0.9741, 0.6338, 0.6118,
  0.6348, 0.6348, 0.4111, 0.521, 0.3921, 0.6338, 0.5918, 0.8179, 0.5918, 0.5918, 0.5249, 0.6362, 0.3369, 0.6362, 0.8379,
];
const REGULAR_OTHER: { readonly [ch: string]: number } = { '×': 0.8379, '–': 0.5, '—': 1.0, '→': 0.8379, '↔': 0.8379, '·': 0.3179, '…': 1.0, 'é': 0.6152, '’': 0.3179, '━': 0.6021, '╍': 0.6021, '┈': 0.6021, '\u00a0': 0.3179 };

const BOLD_ASCII = [
  0.3481, 0.4561, 0.521, 0.8379, 0.6958, 1.002, 0.8721, 0.3061, 0.457, 0.457, 0.523, 0.8379, 0.3799, 0.415, 0.3799, 0.3652,
  0.6958, 0.6958, 0.6958, 0.6958, 0.6958, 0.6958, 0.6958, 0.6958, 0.6958, 0.6958, 0.3999, 0.3999, 0.8379, 0.8379, 0.8379, 0.5801,
  1, 0.7739, 0.7622, 0.7339, 0.8301, 0.6831, 0.6831, 0.8208, 0.8369, 0.3721, 0.3721, 0.7749, 0.6372, 0.9951, 0.8369, 0.8501,
  0.7329, 0.8501, 0.77, 0.7202, 0.6821, 0.812, 0.7739, 1.103, 0.771, 0.7241, 0.7251, 0.457, 0.3652, 0.457, 0.8379, 0.5,
  0.5, 0.6748, 0.7158, 0.5928, 0.7158, 0.6782, 0.4351, 0.7158, 0.7119, 0.3428, 0.3428, 0.665, 0.3428, 1.042, 0.7119, 0.687,
  0.7158, 0.7158, 0.4932, 0.5952, 0.478, 0.7119, 0.6519, 0.9238, 0.645, 0.6519, 0.582, 0.7119, 0.3652, 0.7119, 0.8379,
];
const BOLD_OTHER: { readonly [ch: string]: number } = { '×': 0.8379, '–': 0.5, '—': 1.0, '→': 0.8379, '↔': 0.8379, '·': 0.3799, '…': 1.0, 'é': 0.6782, '’': 0.3799, '━': 0.6021, '╍': 0.6021, '┈': 0.6021, '\u00a0': 0.3481 };

/** Width of a character not in the tables: one em, wider than any glyph the labels use. */
const UNKNOWN = 1;

/** The font family the diagrams are laid out and drawn in. */
export const DIAGRAM_FONT = 'DejaVu Sans';

/** Width of `text` in points at `size` points, in DejaVu Sans (bold or regular). */
export function textWidth(text: string, size: number, bold = false): number {
  const ascii = bold ? BOLD_ASCII : REGULAR_ASCII;
  const other = bold ? BOLD_OTHER : REGULAR_OTHER;
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    em += c >= 32 && c < 127 ? ascii[c - 32] : other[ch] ?? UNKNOWN;
  }
  return em * size;
}

/**
 * Every character with a known width: printable ASCII and the few others the labels use. The diagram fonts shipped
 * in `fonts/` (DejaVu Sans cut down to these characters, `npm run fonts:diagram`) hold exactly these.
 */
export const DIAGRAM_CHARACTERS: string = String.fromCharCode(...REGULAR_ASCII.map((_, i) => 32 + i)) + Object.keys(REGULAR_OTHER).join('');

/** Whether every character of `text` has a known width (the rest count as one em). */
export function measurable(text: string): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (!(c >= 32 && c < 127) && REGULAR_OTHER[ch] === undefined) return false;
  }
  return true;
}
