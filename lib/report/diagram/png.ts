import * as zlib from 'zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let crcTable: Uint32Array | undefined;

/** CRC-32 (ISO 3309, as PNG chunks use it). */
function crc32(bytes: Buffer): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = crcTable[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/**
 * Encodes 8-bit RGBA pixels (row by row, `width * 4` bytes a row) as a PNG, and **overwrites `rgba`** (pass a copy to
 * keep the pixels). The rows go unfiltered (the diagrams are flat colours, which deflate compresses well as they are)
 * and are moved down in place, each behind its filter byte, rather than copied into a new buffer: writing a fresh
 * 22 MB buffer cost the main thread ~15 ms of page faults per one-stack diagram, moving rows within pages the
 * renderer already wrote costs ~3 ms. zlib compresses in Node's thread pool.
 */
export async function encodePng(rgba: Buffer, width: number, height: number, level = 3): Promise<Buffer> {
  const stride = width * 4;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || rgba.length !== stride * height) {
    throw new Error(`encodePng: ${rgba.length} bytes are not ${width} x ${height} RGBA pixels`);
  }
  const row = stride + 1; // each row: filter type 0 (None), then its pixels
  // With one more byte a row, the last `tailRows` rows no longer fit: they go to a small buffer of their own first...
  const tailRows = Math.ceil(height / row);
  const headRows = height - tailRows;
  const tail = Buffer.alloc(tailRows * row);
  for (let i = 0; i < tailRows; i++) rgba.copy(tail, i * row + 1, (headRows + i) * stride, (headRows + i + 1) * stride);
  // ...then the others move down in place, the last first, so that no row is overwritten before it has moved.
  for (let y = headRows - 1; y >= 0; y--) {
    rgba.copyWithin(y * row + 1, y * stride, (y + 1) * stride);
    rgba[y * row] = 0;
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression 0 (deflate), filter method 0, no interlace
  const idat = await deflateToChunks([rgba.subarray(0, headRows * row), tail], level);
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), ...idat, chunk('IEND', Buffer.alloc(0))]);
}

/**
 * One zlib stream over the parts in order, compressed in Node's thread pool, as consecutive IDAT chunks (one per
 * piece zlib hands back): the main thread computes each chunk's CRC while zlib is still compressing the next.
 */
function deflateToChunks(parts: readonly Buffer[], level: number): Promise<Buffer[]> {
  return new Promise((resolve, reject) => {
    const z = zlib.createDeflate({ level, chunkSize: 64 * 1024 });
    const chunks: Buffer[] = [];
    z.on('data', (c: Buffer) => chunks.push(chunk('IDAT', c)));
    z.on('end', () => resolve(chunks));
    z.on('error', reject);
    for (const part of parts) if (part.length > 0) z.write(part);
    z.end();
  });
}
