// Reads the screenshots the runner saves (8-bit RGB or RGBA, not interlaced, as Chromium writes them), so a
// test can check what a picture shows. Small on purpose: node's zlib does the decompressing, and the project
// needs no image library for this.
import { inflateSync } from 'node:zlib';

export interface PngImage {
  readonly width: number;
  readonly height: number;
  /** [r, g, b] of a pixel (alpha, if any, is dropped: screenshots are opaque). */
  rgb(x: number, y: number): [number, number, number];
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function decodePng(bytes: Buffer): PngImage {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(SIGNATURE)) throw new Error('Not a PNG file (the signature is missing)');
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
      channels = colourType === 2 ? 3 : colourType === 6 ? 4 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) {
        throw new Error(`Unsupported PNG: bit depth ${depth}, colour type ${colourType}, interlace ${interlace} (only 8-bit RGB/RGBA, not interlaced)`);
      }
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') break;
    at += 12 + length;
  }
  if (channels === 0) throw new Error('The PNG has no IHDR chunk');
  const pixels = unfilter(inflateSync(Buffer.concat(data)), width, height, channels);
  return {
    width,
    height,
    rgb: (x, y) => {
      const i = (y * width + x) * channels;
      return [pixels[i]!, pixels[i + 1]!, pixels[i + 2]!];
    },
  };
}

/** Undoes the per-row filters (PNG specification, section 9). */
function unfilter(raw: Buffer, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  if (raw.length < (stride + 1) * height) throw new Error(`The PNG's image data is truncated (${raw.length} bytes for ${width}x${height})`);
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = y * stride;
    const prev = row - stride;
    for (let i = 0; i < stride; i++) {
      const value = raw[y * (stride + 1) + 1 + i]!;
      const left = i >= channels ? out[row + i - channels]! : 0;
      const up = y > 0 ? out[prev + i]! : 0;
      const upLeft = y > 0 && i >= channels ? out[prev + i - channels]! : 0;
      let predicted: number;
      if (filter === 0) predicted = 0;
      else if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) predicted = paeth(left, up, upLeft);
      else throw new Error(`Unknown PNG row filter ${filter} in row ${y}`);
      out[row + i] = (value + predicted) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

export interface PictureSummary {
  /** How many different colours the picture holds (a blank picture has one or two). */
  colours: number;
  /** The share of pixels that differ from the most common colour (the background). */
  drawn: number;
}

export function summarise(image: PngImage): PictureSummary {
  const counts = new Map<number, number>();
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const [r, g, b] = image.rgb(x, y);
      const key = (r << 16) | (g << 8) | b;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const background = Math.max(...counts.values());
  const total = image.width * image.height;
  return { colours: counts.size, drawn: total === 0 ? 0 : (total - background) / total };
}

/**
 * The share of a box's pixels (in CSS pixels, scaled by `scale` to the picture's) that `test` accepts, a few
 * pixels in from its edges (rounded corners and anti-aliasing).
 */
export function shareOfBox(image: PngImage, box: { x: number; y: number; width: number; height: number }, scale: number, test: (rgb: [number, number, number]) => boolean): number {
  const inset = 3;
  const x0 = Math.ceil(box.x * scale) + inset;
  const y0 = Math.ceil(box.y * scale) + inset;
  const x1 = Math.min(image.width, Math.floor((box.x + box.width) * scale) - inset);
  const y1 = Math.min(image.height, Math.floor((box.y + box.height) * scale) - inset);
  let yes = 0;
  let all = 0;
  for (let y = Math.max(0, y0); y < y1; y++) {
    for (let x = Math.max(0, x0); x < x1; x++) {
      all++;
      if (test(image.rgb(x, y))) yes++;
    }
  }
  return all === 0 ? 0 : yes / all;
}
