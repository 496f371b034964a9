// Draws tunetrack's icon, our own mark, with nothing but node: two beamed
// quavers in amber on the page's dark ground, written as a PNG (node's zlib
// for the compression, a CRC-32 of our own). Used by build_pwa.mjs.
import { deflateSync } from 'node:zlib';

const GROUND = [0x17, 0x19, 0x1e];
const INK = [0xf0, 0xb4, 0x4c];

// The mark in a unit square (y down): two note heads, their stems, one beam.
const heads = [{ x: 0.33, y: 0.72 }, { x: 0.71, y: 0.63 }];
const HEAD_RX = 0.135, HEAD_RY = 0.1, HEAD_TILT = (-22 * Math.PI) / 180;
const STEM_W = 0.045, BEAM_T = 0.1;
const stemX = (h) => h.x + HEAD_RX * 0.82;  // stems rise from the heads' right side
const beam = { x1: stemX(heads[0]) - STEM_W, y1: 0.2, x2: stemX(heads[1]), y2: 0.11 };
const beamTop = (x) => beam.y1 + ((x - beam.x1) / (beam.x2 - beam.x1)) * (beam.y2 - beam.y1);

function inMark(x, y) {
  for (const h of heads) {
    const dx = x - h.x, dy = y - h.y;
    const u = dx * Math.cos(HEAD_TILT) + dy * Math.sin(HEAD_TILT);
    const v = -dx * Math.sin(HEAD_TILT) + dy * Math.cos(HEAD_TILT);
    if ((u / HEAD_RX) ** 2 + (v / HEAD_RY) ** 2 <= 1) return true;
    const sx = stemX(h);
    if (x >= sx - STEM_W && x <= sx && y >= beamTop(x) && y <= h.y) return true;
  }
  return x >= beam.x1 && x <= beam.x2 && y >= beamTop(x) && y <= beamTop(x) + BEAM_T;
}

// A rounded square of side 1 with corner radius r (r 0: a full square).
function inGround(x, y, r) {
  if (x < 0 || y < 0 || x > 1 || y > 1) return false;
  const cx = Math.min(Math.max(x, r), 1 - r), cy = Math.min(Math.max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

// kind: 'any' (rounded corners, transparent outside), 'maskable' (full
// bleed, the mark inside the central safe circle), 'full' (full bleed: iOS
// rounds the corners itself).
export function drawIcon(size, kind) {
  const corner = kind === 'any' ? 0.2 : 0;
  const markSize = kind === 'maskable' ? 0.56 : 0.7;
  const markAt = (1 - markSize) / 2;
  const SS = 4;  // 4x4 samples a pixel: smooth edges
  const rgba = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let ground = 0, ink = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size, y = (py + (sy + 0.5) / SS) / size;
          if (!inGround(x, y, corner)) continue;
          ground++;
          if (inMark((x - markAt) / markSize, (y - markAt) / markSize)) ink++;
        }
      }
      const o = (py * size + px) * 4;
      const t = ground ? ink / ground : 0;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(GROUND[c] + (INK[c] - GROUND[c]) * t);
      rgba[o + 3] = Math.round((255 * ground) / (SS * SS));
    }
  }
  return encodePng(size, size, rgba);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;  // bits per channel
  header[9] = 6;  // RGBA
  const rows = Buffer.alloc((width * 4 + 1) * height);  // each row: filter 0, then its pixels
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
