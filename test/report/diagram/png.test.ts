import { PNG } from 'pngjs';
import { encodePng } from '../../../lib/report/diagram/png';

describe('encodePng', () => {
  test('writes a PNG an independent decoder reads back pixel for pixel (CRCs checked)', async () => {
    const width = 37;
    const height = 11;
    const rgba = Buffer.alloc(width * height * 4);
    for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 7919) % 256;
    const png = await encodePng(rgba, width, height);
    const decoded = PNG.sync.read(png, { checkCRC: true });
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(Buffer.compare(decoded.data, rgba)).toBe(0);
  });

  test('refuses pixels that are not width x height RGBA', async () => {
    await expect(encodePng(Buffer.alloc(10), 2, 2)).rejects.toThrow('encodePng: 10 bytes are not 2 x 2 RGBA pixels');
    await expect(encodePng(Buffer.alloc(0), 0, 0)).rejects.toThrow(/not 0 x 0/);
  });
});
