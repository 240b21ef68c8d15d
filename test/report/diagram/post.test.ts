import { ASCENT, DESCENT, textRects } from '../../../lib/report/diagram/post';
import { textWidth } from '../../../lib/report/diagram/text-metrics';

describe('textRects: the box of each text of Graphviz\'s SVG', () => {
  test('anchored at its start, middle or end, at its size and weight, entities decoded', () => {
    const svg = [
      '<text text-anchor="start" x="10" y="-20" font-family="DejaVu Sans" font-weight="bold" font-size="10.00">AWS &amp; VPC</text>',
      '<text text-anchor="middle" x="100" y="-50" font-family="DejaVu Sans" font-size="8.00">10.0.0.0&#47;16 &#8594; NAT</text>',
      '<text text-anchor="end" x="300" y="-5" font-family="DejaVu Sans" font-size="9.00">eu&#45;west&#45;1</text>',
    ].join('\n');
    const bold = textWidth('AWS & VPC', 10, true);
    const mid = textWidth('10.0.0.0/16 → NAT', 8);
    const end = textWidth('eu-west-1', 9);
    expect(textRects(svg)).toEqual([
      { x1: 10, y1: -20 - ASCENT * 10, x2: 10 + bold, y2: -20 + DESCENT * 10 },
      { x1: 100 - mid / 2, y1: -50 - ASCENT * 8, x2: 100 + mid / 2, y2: -50 + DESCENT * 8 },
      { x1: 300 - end, y1: -5 - ASCENT * 9, x2: 300, y2: -5 + DESCENT * 9 },
    ]);
    expect(bold).toBeGreaterThan(textWidth('AWS & VPC', 10)); // bold is wider: the weight was read
  });
});
