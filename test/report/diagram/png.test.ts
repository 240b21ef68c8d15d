import { PNG } from 'pngjs';
import { encodePng } from '../../../lib/report/diagram/png';

describe('encodePng', () => {
  test.each([
    [37, 11, 'wide: one row moves to the tail'],
    [1, 100, 'narrow and tall: 20 rows move to the tail'],
    [3, 50, 'the rows that stay in place and those that move meet mid-image'],
    [1, 1, 'one pixel'],
  ])('writes a PNG an independent decoder reads back pixel for pixel (CRCs checked): %i x %i, %s', async (width, height) => {
    const rgba = Buffer.alloc(width * height * 4);
    for (let i = 0; i < rgba.length; i++) rgba[i] = (i * 7919) % 256;
    const png = await encodePng(Buffer.from(rgba), width, height); // a copy: encodePng moves the rows of its input in place
    const decoded = PNG.sync.read(png, { checkCRC: true });
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    expect(Buffer.compare(decoded.data, rgba)).toBe(0);
  });

  test('compressed pixels larger than one piece of zlib output go in several IDAT chunks, which decoders join', async () => {
    // GIVEN 300 x 300 pixels that do not compress (360 KB)
    const [width, height] = [300, 300];
    const rgba = Buffer.alloc(width * height * 4);
    let seed = 12345;
    for (let i = 0; i < rgba.length; i++) rgba[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    // WHEN
    const png = await encodePng(Buffer.from(rgba), width, height);
    // THEN
    const types: string[] = [];
    for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) types.push(png.toString('latin1', at + 4, at + 8));
    expect(types[0]).toBe('IHDR');
    expect(types.filter((t) => t === 'IDAT').length).toBeGreaterThan(1);
    expect(types.slice(1, -1).every((t) => t === 'IDAT')).toBe(true);
    expect(types[types.length - 1]).toBe('IEND');
    expect(Buffer.compare(PNG.sync.read(png, { checkCRC: true }).data, rgba)).toBe(0);
  });

  test('refuses pixels that are not width x height RGBA', async () => {
    await expect(encodePng(Buffer.alloc(10), 2, 2)).rejects.toThrow('encodePng: 10 bytes are not 2 x 2 RGBA pixels');
    await expect(encodePng(Buffer.alloc(0), 0, 0)).rejects.toThrow(/not 0 x 0/);
  });
});
