// Writes the add-in's ribbon/store icons (assets/icon-<size>.png): three staggered Gantt bars on
// a white rounded tile, drawn with 4x4 supersampling, encoded as PNG with zlib. Run: node scripts/make-icons.js
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 20, 24, 32, 40, 48, 64, 80, 128]; // the ribbon sizes Office asks for, and the store's 128
const OUT_DIR = path.join(__dirname, "..", "assets");

// Shapes in a 0..1 unit square, painted in order: [x0, y0, x1, y1, corner radius, rgb].
const TILE = [0.03, 0.03, 0.97, 0.97, 0.16, [255, 255, 255]];
const FRAME = [0.03, 0.03, 0.97, 0.97, 0.16, [16, 124, 65]]; // Excel green border
const BARS = [
  [0.14, 0.17, 0.58, 0.35, 0.05, [16, 124, 65]], // task 1
  [0.36, 0.41, 0.86, 0.59, 0.05, [15, 108, 189]], // task 2 starts when 1 is part done
  [0.24, 0.65, 0.7, 0.83, 0.05, [232, 123, 0]], // task 3
];

function insideRoundedRect(x, y, [x0, y0, x1, y1, r]) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** RGBA pixels of one icon: frame, white tile inset by a border, then the bars. */
function drawIcon(size) {
  const border = Math.max(1, Math.round(size / 24)) / size;
  const inner = [TILE[0] + border, TILE[1] + border, TILE[2] - border, TILE[3] - border, TILE[4] - border, TILE[5]];
  const shapes = [FRAME, inner, ...BARS];
  const ss = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          let colour = null;
          for (const shape of shapes) if (insideRoundedRect(x, y, shape)) colour = shape[5];
          if (colour) { r += colour[0]; g += colour[1]; b += colour[2]; a += 1; }
        }
      }
      const i = (py * size + px) * 4;
      pixels[i] = a ? Math.round(r / a) : 0;
      pixels[i + 1] = a ? Math.round(g / a) : 0;
      pixels[i + 2] = a ? Math.round(b / a) : 0;
      pixels[i + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A truecolour+alpha, 8-bit, non-interlaced PNG. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

fs.mkdirSync(OUT_DIR, { recursive: true });
for (const size of SIZES) {
  const file = path.join(OUT_DIR, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, drawIcon(size)));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
