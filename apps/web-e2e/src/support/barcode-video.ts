import { writeFileSync } from 'node:fs';

const L = ['0001101', '0011001', '0010011', '0111101', '0100011', '0110001', '0101111', '0111011', '0110111', '0001011'];
const G = ['0100111', '0110011', '0011011', '0100001', '0011101', '0111001', '0000101', '0010001', '0001001', '0010111'];
const R = ['1110010', '1100110', '1101100', '1000010', '1011100', '1001110', '1010000', '1000100', '1001000', '1110100'];
/** Which left-hand digits use the G set, by the first digit. */
const PARITY = ['LLLLLL', 'LLGLGG', 'LLGGLG', 'LLGGGL', 'LGLLGG', 'LGGLLG', 'LGGGLL', 'LGLGLG', 'LGLGGL', 'LGGLGL'];

/** The 95 modules of an EAN-13 (`1` a bar), guards included. */
export function ean13Modules(code: string): string {
  if (!/^\d{13}$/.test(code)) throw new Error(`not an EAN-13: ${code}`);
  const digits = [...code].map(Number);
  const left = digits
    .slice(1, 7)
    .map((digit, index) => (PARITY[digits[0]][index] === 'L' ? L : G)[digit])
    .join('');
  const right = digits
    .slice(7)
    .map((digit) => R[digit])
    .join('');
  return `101${left}01010${right}101`;
}

/**
 * A Y4M video (what Chromium's `--use-file-for-fake-video-capture` plays, looping) whose every frame
 * shows `code` as an EAN-13 on white: a camera pointed at a product's barcode.
 */
export function writeBarcodeVideo(file: string, code: string, { width = 640, height = 480, module = 4, frames = 5 } = {}): void {
  const modules = ean13Modules(code);
  const luma = Buffer.alloc(width * height, 235);
  const left = Math.floor((width - modules.length * module) / 2);
  const [top, bottom] = [Math.floor(height * 0.25), Math.floor(height * 0.75)];
  for (let y = top; y < bottom; y++) {
    for (let index = 0; index < modules.length; index++) {
      if (modules[index] === '1') luma.fill(16, y * width + left + index * module, y * width + left + (index + 1) * module);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
