// Reading parts of a zip (DOCX) with Node's zlib, guarded against zip bombs: every inflate
// is capped by the bytes left in the budget (zlib's maxOutputLength), so a part that lies
// about its size cannot expand past the limit. Encrypted entries and ZIP64 are refused.
import { inflateRawSync } from 'node:zlib';
import type { Message } from '../errors.js';
import { t } from '../messages/index.js';

/** A damaged, encrypted or oversized zip; `detail` is a catalogue message. */
export class ZipError extends Error {
  constructor(
    readonly detail: Message,
    readonly problem: 'invalid' | 'too-large' | 'encrypted',
  ) {
    super(t(detail.code, detail.params ?? {}));
    this.name = 'ZipError';
  }
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export class ZipReader {
  private readonly entries = new Map<string, Entry>();
  private budget: number;
  private readonly limitText: string;

  constructor(
    private readonly bytes: Uint8Array,
    limits: { maxDecompressedBytes: number; maxEntries: number },
  ) {
    this.budget = limits.maxDecompressedBytes;
    this.limitText = `${Math.round(limits.maxDecompressedBytes / 1024 / 1024)} MiB`;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let eocd = -1;
    for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i--) {
      if (buf.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new ZipError({ code: 'input.zip-no-directory' }, 'invalid');
    const count = buf.readUInt16LE(eocd + 10);
    let offset = buf.readUInt32LE(eocd + 16);
    if (count === 0xffff || offset === 0xffffffff) throw new ZipError({ code: 'input.zip64' }, 'invalid');
    if (count > limits.maxEntries) throw new ZipError({ code: 'input.docx-too-many-entries', params: { count, limit: limits.maxEntries } }, 'too-large');
    for (let k = 0; k < count; k++) {
      if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) throw new ZipError({ code: 'input.zip-directory-damaged' }, 'invalid');
      const nameLength = buf.readUInt16LE(offset + 28);
      const extraLength = buf.readUInt16LE(offset + 30);
      const commentLength = buf.readUInt16LE(offset + 32);
      const entry: Entry = {
        flags: buf.readUInt16LE(offset + 8),
        method: buf.readUInt16LE(offset + 10),
        compressedSize: buf.readUInt32LE(offset + 20),
        size: buf.readUInt32LE(offset + 24),
        localOffset: buf.readUInt32LE(offset + 42),
        name: buf.toString('utf8', offset + 46, offset + 46 + nameLength),
      };
      this.entries.set(entry.name, entry);
      offset += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The part's bytes, or null when there is no such part. */
  read(name: string): Buffer | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    if (entry.flags & 1) throw new ZipError({ code: 'input.docx-encrypted' }, 'encrypted');
    const buf = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) throw new ZipError({ code: 'input.zip-entry-damaged', params: { name } }, 'invalid');
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > buf.length) throw new ZipError({ code: 'input.zip-entry-cut', params: { name } }, 'invalid');
    const data = buf.subarray(start, end);
    if (entry.size > this.budget) throw new ZipError({ code: 'input.docx-too-large', params: { limit: this.limitText } }, 'too-large');
    let out: Buffer;
    if (entry.method === 0) out = Buffer.from(data);
    else if (entry.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, this.budget) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) {
          throw new ZipError({ code: 'input.docx-too-large', params: { limit: this.limitText } }, 'too-large');
        }
        throw new ZipError({ code: 'input.zip-entry-inflate', params: { name } }, 'invalid');
      }
    } else throw new ZipError({ code: 'input.zip-entry-method', params: { name, method: entry.method } }, 'invalid');
    this.budget -= out.length;
    return out;
  }

  readText(name: string): string | null {
    const data = this.read(name);
    return data === null ? null : data.toString('utf8');
  }
}
