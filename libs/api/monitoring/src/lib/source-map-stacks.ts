import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** A decoded source map (v3), or an index map's sections. Lines and columns are 0-based. */
interface RawSourceMap {
  version: number;
  sources?: (string | null)[];
  sourceRoot?: string;
  mappings?: string;
  sections?: { offset: { line: number; column: number }; map: RawSourceMap }[];
}

/** One mapping: generated column, then source index, original line, original column (and a name index, unused here). */
type Segment = [number, number?, number?, number?, number?];

interface DecodedMap {
  sources: string[];
  lines: Segment[][];
  sections?: { line: number; column: number; map: DecodedMap }[];
}

export interface OriginalPosition {
  source: string;
  line: number;
  column: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, index) => [char, index]));

/** The Base64 VLQ `mappings` of a source map, as absolute positions per generated line. */
export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  // Source, line, column and name are relative to the previous segment's across lines; the column restarts per line.
  const state = [0, 0, 0, 0, 0];
  for (const line of mappings.split(';')) {
    const segments: Segment[] = [];
    state[0] = 0;
    for (const text of line.split(',')) {
      if (text === '') continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const char of text) {
        const digit = BASE64_VALUE.get(char);
        if (digit === undefined) throw new Error(`not a source map mapping: ${char}`);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      for (let index = 0; index < fields.length; index += 1) state[index] += fields[index];
      segments.push(fields.length >= 4 ? (state.slice(0, fields.length) as Segment) : [state[0]]);
    }
    lines.push(segments.sort((a, b) => a[0] - b[0]));
  }
  return lines;
}

function decode(raw: RawSourceMap): DecodedMap {
  if (raw.sections) {
    return {
      sources: [],
      lines: [],
      sections: raw.sections.map((section) => ({ line: section.offset.line, column: section.offset.column, map: decode(section.map) })),
    };
  }
  const root = raw.sourceRoot ? raw.sourceRoot.replace(/\/?$/, '/') : '';
  return { sources: (raw.sources ?? []).map((source) => root + (source ?? '')), lines: decodeMappings(raw.mappings ?? '') };
}

/** Where a generated position (0-based line and column) came from, if the map says. */
export function originalPositionFor(map: DecodedMap, line: number, column: number): OriginalPosition | undefined {
  if (map.sections) {
    const section = map.sections.filter((candidate) => candidate.line < line || (candidate.line === line && candidate.column <= column)).pop();
    if (!section) return undefined;
    return originalPositionFor(section.map, line - section.line, line === section.line ? column - section.column : column);
  }
  const segments = map.lines[line] ?? [];
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment[0] > column) break;
    found = segment;
  }
  if (!found || found[1] === undefined) return undefined;
  const [, source, originalLine = 0, originalColumn = 0] = found;
  return { source: map.sources[source] ?? '', line: originalLine, column: originalColumn };
}

/** `at fn (url:line:col)`, `at url:line:col` (Chromium) and `fn@url:line:col` (Firefox, Safari). */
const FRAME = /^(\s*at\s+(?:(.*?)\s+\()?|\s*(?:([^@\s]*)@)?)((?:https?:\/\/[^/\s]+)?\/[^\s()]*?):(\d+):(\d+)(\)?)\s*$/;
/** Bundler prefixes in `sources` (`turbopack:///[project]/`, `webpack://_N_E/`), down to a path in the repository. */
const SOURCE_PREFIX = /^(?:[a-z]+:\/\/\/?(?:[^/]*\/)?)?(?:\[project\]\/)?(?:\.\/)?/i;

const MAX_CACHED_MAPS = 64;

/** The `SourceMapStacks` for the configured folder, or null without one. */
export const WEB_SOURCE_MAPS = Symbol('WEB_SOURCE_MAPS');

/**
 * Maps a browser stack's frames through the web build's source maps, read from one directory that stands for the web
 * app's `/_next/` (so `…/_next/static/chunks/x.js` reads `<dir>/static/chunks/x.js.map`; a frame outside `/_next/` is
 * looked up by its path). Frames without a map, or a position the map does not cover, stay as they are.
 */
export class SourceMapStacks {
  /** Decoded maps by file, most recently used last; null where no readable map exists. */
  private readonly maps = new Map<string, Promise<DecodedMap | null>>();

  constructor(private readonly directory: string) {}

  /** The stack with each mappable frame rewritten to its original file, line and column; and how many frames were. */
  async map(stack: string): Promise<{ stack: string; mapped: number }> {
    let mapped = 0;
    const lines = await Promise.all(
      stack.split('\n').map(async (line) => {
        const frame = FRAME.exec(line);
        if (!frame) return line;
        const [, lead, chromeName, otherName, url, generatedLine, generatedColumn] = frame;
        const map = await this.mapFor(url);
        const position = map && originalPositionFor(map, Number(generatedLine) - 1, Number(generatedColumn) - 1);
        if (!position) return line;
        mapped += 1;
        const where = `${position.source.replace(SOURCE_PREFIX, '')}:${position.line + 1}:${position.column + 1}`;
        // The name the browser gave (a map's name at a call site is the callee's, not the caller's).
        const name = chromeName ?? otherName;
        const indent = /^\s*/.exec(lead)?.[0] ?? '';
        return name ? `${indent}at ${name} (${where})` : `${indent}at ${where}`;
      }),
    );
    return { stack: lines.join('\n'), mapped };
  }

  private mapFor(url: string): Promise<DecodedMap | null> {
    const file = this.fileFor(url);
    if (!file) return Promise.resolve(null);
    let map = this.maps.get(file);
    if (map) this.maps.delete(file);
    else
      map = readFile(file, 'utf8').then(
        (text) => decode(JSON.parse(text) as RawSourceMap),
        () => null,
      );
    this.maps.set(file, map);
    for (const oldest of this.maps.keys()) {
      if (this.maps.size <= MAX_CACHED_MAPS) break;
      this.maps.delete(oldest);
    }
    return map;
  }

  /** The map beside the bundle the frame names, inside the directory only. */
  private fileFor(url: string): string | undefined {
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.replace(/^https?:\/\/[^/]+/, '').replace(/[?#].*$/, ''));
    } catch {
      return undefined;
    }
    const relative = pathname.includes('/_next/') ? pathname.slice(pathname.indexOf('/_next/') + '/_next/'.length) : pathname.replace(/^\/+/, '');
    if (!relative.endsWith('.js')) return undefined;
    const file = path.resolve(this.directory, `${relative}.map`);
    return file.startsWith(path.resolve(this.directory) + path.sep) ? file : undefined;
  }
}
