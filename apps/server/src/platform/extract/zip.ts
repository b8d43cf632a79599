import { Inflate } from 'fflate';

/**
 * One entry of a ZIP archive (a DOCX), read with a limit on its size: the central directory is read
 * for the entry's place, sizes and method; an entry whose declared original size passes the limit is
 * refused before anything is inflated, and the deflate stream is inflated a slice at a time so an
 * entry that lies about its size (a "zip bomb") is stopped as soon as its actual output passes the
 * limit — memory and time stay proportional to the limit, never to what the stream would expand to.
 */

/** The entry is larger than the limit (declared or actual original size). */
export class EntryTooLarge extends Error {
  constructor(
    readonly entry: string,
    readonly limit: number,
  ) {
    super(`${entry} is larger than ${limit} bytes`);
  }
}

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END = 0x06054b50;
const END64 = 0x06064b50;
const END64_LOCATOR = 0x07064b50;
/** Compressed bytes handed to the inflater at a time: at most ~1 032 times that comes out per slice. */
const SLICE = 16 * 1024;

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const corrupt = (why: string) => new Error(`not a valid ZIP archive: ${why}`);

function endOfCentralDirectory(b: Uint8Array): { count: number; offset: number } {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  let e = b.length - 22;
  while (e >= stop && u32(b, e) !== END) {
    e -= 1;
  }
  if (e < stop) {
    throw corrupt('no end of central directory');
  }
  let count = u16(b, e + 10);
  let offset = u32(b, e + 16);
  if (e >= 20 && u32(b, e - 20) === END64_LOCATOR) {
    const z = u64(b, e - 12);
    if (z + 56 <= b.length && u32(b, z) === END64) {
      count = u64(b, z + 32);
      offset = u64(b, z + 48);
    }
  }
  return { count, offset };
}

interface Entry {
  method: number;
  compressed: number;
  original: number;
  local: number;
}

/** The central directory record of `name`, with its ZIP64 sizes and offset read where they overflow. */
function findEntry(b: Uint8Array, name: string): Entry | null {
  const wanted = Buffer.from(name, 'utf8');
  const { count, offset } = endOfCentralDirectory(b);
  let o = offset;
  for (let i = 0; i < count; i += 1) {
    if (o + 46 > b.length || u32(b, o) !== CENTRAL) {
      throw corrupt('bad central directory');
    }
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    const nameAt = o + 46;
    if (nameLen === wanted.length && Buffer.compare(b.subarray(nameAt, nameAt + nameLen), wanted) === 0) {
      const entry: Entry = {
        method: u16(b, o + 10),
        compressed: u32(b, o + 20),
        original: u32(b, o + 24),
        local: u32(b, o + 42),
      };
      // ZIP64 extended information: the fields that overflowed, in this order.
      for (let x = nameAt + nameLen, end = x + extraLen; x + 4 <= end; x += 4 + u16(b, x + 2)) {
        if (u16(b, x) === 0x0001) {
          let f = x + 4;
          for (const key of ['original', 'compressed', 'local'] as const) {
            if (entry[key] === 0xffffffff && f + 8 <= end) {
              entry[key] = u64(b, f);
              f += 8;
            }
          }
        }
      }
      return entry;
    }
    o = nameAt + nameLen + extraLen + commentLen;
  }
  return null;
}

/**
 * The bytes of entry `name`, or null when the archive has no such entry. Throws `EntryTooLarge` past
 * `maxBytes`, and an Error on an archive that cannot be read.
 */
export function readZipEntry(bytes: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
  const entry = findEntry(bytes, name);
  if (!entry) {
    return null;
  }
  if (entry.original > maxBytes) {
    throw new EntryTooLarge(name, maxBytes);
  }
  const l = entry.local;
  if (l + 30 > bytes.length || u32(bytes, l) !== LOCAL) {
    throw corrupt('bad local header');
  }
  const start = l + 30 + u16(bytes, l + 26) + u16(bytes, l + 28);
  const data = bytes.subarray(start, start + entry.compressed);
  if (start + entry.compressed > bytes.length) {
    throw corrupt('entry runs past the end');
  }
  if (entry.method === 0) {
    if (data.length > maxBytes) {
      throw new EntryTooLarge(name, maxBytes);
    }
    return data.slice();
  }
  if (entry.method !== 8) {
    throw corrupt(`compression method ${entry.method}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total <= maxBytes) {
      chunks.push(chunk);
    }
  });
  let p = 0;
  do {
    // The last slice is pushed as final: a stream that is not complete by then throws.
    inflater.push(data.subarray(p, p + SLICE), p + SLICE >= data.length);
    if (total > maxBytes) {
      throw new EntryTooLarge(name, maxBytes);
    }
    p += SLICE;
  } while (p < data.length);
  return Buffer.concat(chunks);
}
