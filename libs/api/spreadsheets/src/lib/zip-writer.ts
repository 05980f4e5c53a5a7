import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { crc32, createDeflateRaw, deflateRawSync, type DeflateRaw } from 'node:zlib';

const UTF8_NAMES = 0x0800;
/** Sizes and checksum follow the data (they are not known when its header goes out). */
const DATA_DESCRIPTOR = 0x0008;
const DEFLATE = 8;
const VERSION = 20;
const MAX_UINT32 = 0xffff_ffff;

interface Entry {
  name: Buffer;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Without ZIP64, every size and offset has to fit 32 bits. */
function uint32(value: number): number {
  if (value > MAX_UINT32) throw new Error('The zip would pass 4 GiB, which needs ZIP64 (not written here)');
  return value;
}

/** MS-DOS date and time, the zip format's own. */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** A file being written into the archive piece by piece, deflated as it goes. */
export class ZipFileStream {
  private crc = 0;
  private size = 0;
  private compressedSize = 0;
  private readonly deflate: DeflateRaw = createDeflateRaw();

  constructor(
    private readonly zip: ZipWriter,
    private readonly entry: Entry,
  ) {
    this.deflate.on('data', (chunk: Buffer) => {
      this.compressedSize += chunk.length;
      zip.push(chunk);
    });
  }

  write(text: string): void {
    const data = Buffer.from(text);
    this.crc = crc32(data, this.crc);
    this.size += data.length;
    this.deflate.write(data);
  }

  /** Resolves once the compressor has taken what was written (it runs off the main thread). */
  async drained(): Promise<void> {
    if (this.deflate.writableNeedDrain) await once(this.deflate, 'drain');
  }

  /** Flushes the compressor and writes the checksum and sizes after the data. */
  async close(): Promise<void> {
    const ended = once(this.deflate, 'end');
    this.deflate.end();
    await ended;
    Object.assign(this.entry, { crc: this.crc, size: uint32(this.size), compressedSize: uint32(this.compressedSize) });
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(this.crc, 4);
    descriptor.writeUInt32LE(this.entry.compressedSize, 8);
    descriptor.writeUInt32LE(this.entry.size, 12);
    this.zip.push(descriptor);
  }

  /** Stops compressing (the output went away). */
  abort(): void {
    this.deflate.destroy();
  }
}

/**
 * A zip archive written front to back into `output`, so a large file streams instead of being held in
 * memory: small files are added whole, a large one through a `ZipFileStream`. Deflate only, no ZIP64
 * (every file and the archive under 4 GiB). Backpressure is the caller's: watch `output`.
 */
export class ZipWriter {
  private offset = 0;
  private readonly entries: Entry[] = [];
  private readonly modified = dosDateTime(new Date());

  constructor(private readonly output: Writable) {}

  /** A whole file, compressed at once. */
  addFile(name: string, content: string): void {
    const data = Buffer.from(content);
    const compressed = deflateRawSync(data);
    const entry = this.addEntry(name, UTF8_NAMES, { crc: crc32(data), compressedSize: compressed.length, size: data.length });
    this.push(compressed);
    this.entries.push(entry);
  }

  /** A file written in pieces; `close` it before the next one. */
  openFile(name: string): ZipFileStream {
    const entry = this.addEntry(name, UTF8_NAMES | DATA_DESCRIPTOR, { crc: 0, compressedSize: 0, size: 0 });
    this.entries.push(entry);
    return new ZipFileStream(this, entry);
  }

  /** Writes the central directory and ends `output`. */
  finish(): void {
    const start = this.offset;
    for (const entry of this.entries) {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(VERSION, 4);
      header.writeUInt16LE(VERSION, 6);
      header.writeUInt16LE(entry.flags, 8);
      header.writeUInt16LE(DEFLATE, 10);
      header.writeUInt16LE(this.modified.time, 12);
      header.writeUInt16LE(this.modified.date, 14);
      header.writeUInt32LE(entry.crc, 16);
      header.writeUInt32LE(entry.compressedSize, 20);
      header.writeUInt32LE(entry.size, 24);
      header.writeUInt16LE(entry.name.length, 28);
      header.writeUInt32LE(uint32(entry.offset), 42);
      this.push(header);
      this.push(entry.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(uint32(this.offset - start), 12);
    end.writeUInt32LE(uint32(start), 16);
    this.push(end);
    this.output.end();
  }

  /** @internal Bytes for `output`, counted (a file's place in the archive is its offset). */
  push(bytes: Buffer): void {
    this.offset += bytes.length;
    if (!this.output.destroyed) this.output.write(bytes);
  }

  private addEntry(name: string, flags: number, sizes: Pick<Entry, 'crc' | 'compressedSize' | 'size'>): Entry {
    const entry: Entry = { name: Buffer.from(name), flags, offset: this.offset, ...sizes };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(flags, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.modified.time, 10);
    header.writeUInt16LE(this.modified.date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(uint32(entry.compressedSize), 18);
    header.writeUInt32LE(uint32(entry.size), 22);
    header.writeUInt16LE(entry.name.length, 26);
    this.push(header);
    this.push(entry.name);
    return entry;
  }
}
