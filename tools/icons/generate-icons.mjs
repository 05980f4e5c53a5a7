#!/usr/bin/env node
// Draws the app icons (a white "K" on the accent colour) as PNGs into apps/web/public/icons.
// Plain pixels and zlib: no image library needed. Run again after changing the art.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const OUT = path.resolve(import.meta.dirname, '../../apps/web/public/icons');
const BACKGROUND = [0x1f, 0x5f, 0xd1];
const FOREGROUND = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size, colourAt) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  const rows = Buffer.alloc(size * (size * 3 + 1));
  for (let y = 0; y < size; y++) {
    const rowStart = y * (size * 3 + 1);
    for (let x = 0; x < size; x++) rows.set(colourAt((x + 0.5) / size, (y + 0.5) / size), rowStart + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

/** A "K" in a box of `scale` (1 = the whole icon) centred on the icon. */
function letterK(scale) {
  const at = (x, y) => [0.5 + (x - 0.5) * scale, 0.5 + (y - 0.5) * scale];
  const strokes = [
    [at(0.3, 0.2), at(0.3, 0.8)],
    [at(0.34, 0.52), at(0.7, 0.2)],
    [at(0.42, 0.46), at(0.72, 0.8)],
  ];
  const half = 0.055 * scale;
  return (x, y) => (strokes.some(([a, b]) => distanceToSegment(x, y, a, b) <= half) ? FOREGROUND : BACKGROUND);
}

const icons = [
  { file: 'icon-192.png', size: 192, scale: 0.9 },
  { file: 'icon-512.png', size: 512, scale: 0.9 },
  // Maskable: the platform may crop to a circle of 80 %, so the letter stays well inside it.
  { file: 'icon-maskable-512.png', size: 512, scale: 0.62 },
  { file: 'apple-touch-icon.png', size: 180, scale: 0.8 },
];
for (const icon of icons) {
  writeFileSync(path.join(OUT, icon.file), png(icon.size, letterK(icon.scale)));
  console.log(`Wrote ${path.relative(process.cwd(), path.join(OUT, icon.file))}`);
}
