// Raw bytes to text. Only UTF-8 is accepted as-is (a UTF-8 BOM is dropped and reported); every
// other case is a diagnostic naming the byte where the problem is, so nothing is silently lost.
import { message } from '../diagnostics.ts';
import type { Message } from '../types.ts';

export interface Decoded {
  text?: string;
  /** Length of a dropped BOM, in bytes (offsets stay relative to the text after it). */
  bom: number;
  messages: Message[];
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function decode(bytes: Uint8Array, file: string): Decoded {
  const fail = (reason: string, ruleId: string, at?: number): Decoded => {
    const m = message({ reason, ruleId, stage: 'ingest', file });
    if (at !== undefined) {
      // Bytes cannot be placed by line without decoding; give the byte offset in the place.
      m.place = { start: { line: 1, column: 1, offset: at }, end: { line: 1, column: 1, offset: at } };
    }
    return { bom: 0, messages: [m] };
  };
  if (bytes.length === 0) return fail('Unexpected empty file, expected a document', 'decode-empty');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(
      `Unexpected UTF-16 byte-order mark (${bytes[0] === 0xff ? 'little' : 'big'}-endian), expected UTF-8: convert the file with \`iconv -f UTF-16 -t UTF-8\``,
      'decode-utf16',
      0,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) return fail(`Unexpected NUL byte at byte ${nul}, expected text: this looks like a binary file`, 'decode-binary', nul);
  let bom = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bom = 3;
  let text: string;
  try {
    text = fatalUtf8.decode(bom ? bytes.subarray(3) : bytes);
  } catch {
    const at = firstInvalidUtf8(bytes, bom);
    return fail(`Unexpected byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at byte ${at}, expected valid UTF-8`, 'decode-invalid-utf8', at);
  }
  const messages: Message[] = [];
  if (bom) messages.push(message({ reason: 'Unexpected UTF-8 byte-order mark, expected none: it is ignored', ruleId: 'decode-utf8-bom', stage: 'ingest', file, severity: 'info' }));
  // Control characters other than tab and line ends mean the file is not text.
  const ctl = /[\u0001-\u0008\u000b\u000e-\u001f]/.exec(text);
  if (ctl && (text.match(/[\u0001-\u0008\u000b\u000e-\u001f]/g)?.length ?? 0) > Math.max(8, text.length / 1000)) {
    return fail(`Unexpected control characters (first U+${ctl[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} at character ${ctl.index}), expected text: this looks like a binary file`, 'decode-binary');
  }
  return { text, bom, messages };
}

function firstInvalidUtf8(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n === -1) return i;
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return from;
}
