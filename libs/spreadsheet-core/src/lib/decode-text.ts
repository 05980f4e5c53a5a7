/**
 * Bytes of a text file to a string: a BOM names UTF-8 or UTF-16 (LE/BE); without one the bytes are
 * UTF-8 if they are valid UTF-8, otherwise Windows-1252 (what Excel and LibreOffice write on Windows
 * for "CSV"), so `€` and `é` survive instead of turning into control characters.
 */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
type DecoderLabel = Exclude<TextEncodingName, 'windows-1252'>;

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decoded(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decoded(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decoded(bytes.subarray(2), 'utf-16be');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 is Latin-1 except 0x80–0x9F, where it has `€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š ›
 * œ ž Ÿ`. Decoded here because Node's TextDecoder reads the label as plain Latin-1 (control characters).
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

function decoded(bytes: Uint8Array, encoding: DecoderLabel): DecodedText {
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}
