import { ImportError } from './warnings';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/**
 * Bytes of an uploaded export as text. UTF-8 (with or without BOM) is tried first and strictly; what
 * is not valid UTF-8 is read as GB18030, the superset of GBK that Excel on Chinese Windows saves.
 * Excel's "Unicode text" is UTF-16 with a BOM. Binary files (a workbook, an image) are refused.
 * Runs where files are read (the command line, the sidebar's browser): Apps Script has no TextDecoder
 * and never receives bytes.
 */
export function decodeBytes(bytes: Uint8Array, file: string): { text: string; encoding: Encoding } {
  try {
    return decodeText(bytes, file);
  } catch (error) {
    if (!tooLongForOneText(error)) throw error;
    throw new ImportError(
      `${file} is too large to be read as one text (${Math.round(bytes.length / 2 ** 20)} MB: JavaScript holds at most about 512 million characters in one text). Split the export into smaller files, a week or a shop each, and give them all together (each with its own --chats, --orders …).`,
    );
  }
}

/**
 * The error JavaScript gives for a text longer than it can hold: Node's decoder says so with a code,
 * engines building a string say RangeError. Caught before it reads as "not UTF-8", which it is not.
 */
export function tooLongForOneText(error: unknown): boolean {
  return error instanceof RangeError || (error as { code?: unknown } | null)?.code === 'ERR_STRING_TOO_LONG';
}

function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: Encoding } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  refuseBinary(bytes, file);
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch (error) {
    if (tooLongForOneText(error)) throw error;
    // The mark says UTF-8 and the text is not: saved twice in two encodings, or two files joined.
    // Either reading would garble some of it, so neither is guessed.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      throw new ImportError(
        `${file} starts with the mark of a UTF-8 file, but its text is not UTF-8 (Chinese Windows' GBK, or a file joined from two exports saved differently), so its characters cannot be read for sure. Open it in Excel and save it as "CSV UTF-8", or export it again.`,
        { kind: 'bom-not-utf8', file },
      );
    }
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

function refuseBinary(bytes: Uint8Array, file: string) {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new ImportError(
      `${file} is an Excel workbook (.xlsx), not text. In Excel or Sheets, save it as "CSV UTF-8", or copy the cells and paste them.`,
    );
  }
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new ImportError(
      `${file} is an old Excel workbook (.xls). Save it as "CSV UTF-8", or copy and paste the cells.`,
    );
  }
  // Text exports have no NUL bytes and few control characters; look at the start of the file.
  const sample = bytes.subarray(0, 65_536);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) {
      control = sample.length;
      break;
    }
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.01) {
    throw new ImportError(
      `${file} does not look like a text export (it has binary data). Export the report as CSV, or copy the table and paste it.`,
    );
  }
}

/** Text pasted or read elsewhere: binary garbage shows as replacement and control characters. */
export function refuseGarbledText(text: string, file: string) {
  const sample = text.slice(0, 65_536);
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0xfffd || code === 0 || (code < 0x09 && code !== 0) || (code > 0x0d && code < 0x20)) bad++;
  }
  if (sample.length > 0 && bad / sample.length > 0.01) {
    throw new ImportError(
      `${file} does not look like a text export (it has binary data). Export it as CSV, or copy the table and paste it.`,
    );
  }
}
