// A fixed-seed generator of malformed inputs made from real files: what arrives when a
// download stops short, a disk or a mail gateway damages bytes, a tool writes a broken zip, a
// hostile file is sent on purpose. Each variant is a mutation of one seed file by its kind:
// any file — truncations, byte flips, junk inserted, blocks zeroed or repeated; DOCX — zip
// members cut, dropped, replaced by an XML entity bomb or by junk, sizes that lie; PDF —
// streams cut or flipped, lengths that lie, the xref and the end marker damaged, objects
// removed, absurd image dimensions and page counts; PNG/JPEG/TIFF — absurd dimensions, image
// data cut, broken strip offsets, an IFD chain that loops; text — control characters, mixed
// encodings (Windows-1252/1258 bytes, UTF-16, invalid UTF-8, BOMs mid-text), one huge line.
// Same seed, same files, same variants.
import { deflateRawSync } from 'node:zlib';
import { rng } from '../gen-library.js';

export type SeedKind = 'text' | 'pdf' | 'docx' | 'png' | 'jpeg' | 'tiff';

export interface Seed {
  name: string;
  kind: SeedKind;
  bytes: Uint8Array;
}

export interface Variant {
  /** File name: the seed's name, the variant number and the mutation, with the seed's extension. */
  name: string;
  seed: string;
  mutation: string;
  bytes: Uint8Array;
}


type Random = () => number;
const int = (r: Random, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)];
const randomBytes = (r: Random, n: number) => Uint8Array.from({ length: n }, () => int(r, 0, 255));
const concat = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts.map((p) => Buffer.from(p))));
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1');
const fromLatin1 = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

type Mutation = (bytes: Uint8Array, r: Random) => Uint8Array | null;

// ---------- any file

const GENERIC: Record<string, Mutation> = {
  truncate: (b, r) => b.subarray(0, int(r, 1, Math.max(1, b.length - 1))),
  'truncate-head': (b, r) => b.subarray(0, int(r, 1, Math.min(b.length, 96))),
  flip: (b, r) => {
    const out = Uint8Array.from(b);
    for (let k = int(r, 1, 48); k > 0; k--) out[int(r, 0, out.length - 1)] ^= int(r, 1, 255);
    return out;
  },
  junk: (b, r) => {
    const at = int(r, 0, b.length);
    return concat(b.subarray(0, at), randomBytes(r, int(r, 1, 4096)), b.subarray(at));
  },
  'zero-block': (b, r) => {
    const out = Uint8Array.from(b);
    const at = int(r, 0, out.length - 1);
    out.fill(0, at, Math.min(out.length, at + int(r, 16, 8192)));
    return out;
  },
  'repeat-block': (b, r) => {
    const at = int(r, 0, b.length - 1);
    const block = b.subarray(at, Math.min(b.length, at + int(r, 16, 4096)));
    return concat(b.subarray(0, at), block, block, block, b.subarray(at));
  },
};

// ---------- zip (DOCX)

interface ZipMember {
  name: string;
  method: number;
  data: Uint8Array;
  size: number;
}

/** The members of a zip, from its central directory. */
export function readZip(bytes: Uint8Array): ZipMember[] {
  const buf = Buffer.from(bytes);
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) if (buf.readUInt32LE(i) === 0x06054b50) {
    eocd = i;
    break;
  }
  if (eocd < 0) return [];
  const out: ZipMember[] = [];
  let at = buf.readUInt32LE(eocd + 16);
  for (let k = buf.readUInt16LE(eocd + 10); k > 0; k--) {
    const nameLength = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const compressed = buf.readUInt32LE(at + 20);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLength), method: buf.readUInt16LE(at + 10), data: Uint8Array.from(buf.subarray(start, start + compressed)), size: buf.readUInt32LE(at + 24) });
    at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

/** A zip of the members as given (compressed data as is; CRCs are not checked by the reader). */
export function writeZip(members: ZipMember[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(m.method, 8);
    local.writeUInt32LE(m.data.length, 18);
    local.writeUInt32LE(m.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(m.method, 10);
    central.writeUInt32LE(m.data.length, 20);
    central.writeUInt32LE(m.size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(m.data));
    centrals.push(central, name);
    offset += 30 + name.length + m.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Uint8Array.from(Buffer.concat([...locals, directory, end]));
}

const deflated = (name: string, text: string | Uint8Array): ZipMember => {
  const raw = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
  return { name, method: 8, data: Uint8Array.from(deflateRawSync(raw)), size: raw.length };
};

/** The "billion laughs": ten levels of ten references, 10^9 copies when expanded. */
export function entityBomb(root = 'w:document'): string {
  const levels = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) levels.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE ${root} [\n${levels.join('\n')}\n]>\n<${root} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></${root}>`;
}

const XML_PARTS = ['word/document.xml', 'word/styles.xml', 'word/numbering.xml', '[Content_Types].xml', 'word/header1.xml'];
function target(r: Random, members: ZipMember[]): number {
  const preferred = members.map((m, i) => (XML_PARTS.includes(m.name) ? i : -1)).filter((i) => i >= 0);
  return preferred.length && r() < 0.7 ? pick(r, preferred) : int(r, 0, members.length - 1);
}

const ZIP: Record<string, Mutation> = {
  'zip-member-cut': (b, r) => {
    const members = readZip(b);
    if (!members.length) return null;
    const i = target(r, members);
    const m = members[i];
    members[i] = { ...m, data: m.data.subarray(0, int(r, 0, Math.max(0, m.data.length - 1))) };
    return writeZip(members);
  },
  'zip-member-cut-in-place': (b, r) => {
    // The member's bytes cut inside the file, the directory left as it was: every later offset is off.
    const members = readZip(b);
    if (!members.length) return null;
    const m = members[target(r, members)];
    const at = Buffer.from(b).indexOf(Buffer.from(m.data.subarray(0, Math.min(64, m.data.length))));
    if (at < 0 || m.data.length < 2) return null;
    const cut = int(r, 1, m.data.length - 1);
    return concat(b.subarray(0, at + cut), b.subarray(at + m.data.length));
  },
  'zip-member-drop': (b, r) => {
    const members = readZip(b);
    if (members.length < 2) return null;
    members.splice(target(r, members), 1);
    return writeZip(members);
  },
  'zip-entity-bomb': (b, r) => {
    const members = readZip(b);
    if (!members.length) return null;
    const names = members.map((m) => m.name).filter((n) => XML_PARTS.includes(n));
    const name = names.length ? pick(r, names) : 'word/document.xml';
    const root = name === 'word/styles.xml' ? 'w:styles' : name === 'word/numbering.xml' ? 'w:numbering' : 'w:document';
    const rest = members.filter((m) => m.name !== name);
    return writeZip([...rest, deflated(name, entityBomb(root))]);
  },
  'zip-member-junk': (b, r) => {
    const members = readZip(b);
    if (!members.length) return null;
    const i = target(r, members);
    members[i] = r() < 0.5 ? deflated(members[i].name, randomBytes(r, int(r, 1, 20000))) : deflated(members[i].name, '<w:document><w:body><w:p>unclosed & < > "');
    return writeZip(members);
  },
  'zip-member-flip': (b, r) => {
    const members = readZip(b);
    if (!members.length) return null;
    const i = target(r, members);
    const data = Uint8Array.from(members[i].data);
    for (let k = int(r, 1, 16); k > 0 && data.length; k--) data[int(r, 0, data.length - 1)] ^= int(r, 1, 255);
    members[i] = { ...members[i], data };
    return writeZip(members);
  },
  'zip-size-lie': (b, r) => {
    const members = readZip(b);
    if (!members.length) return null;
    const i = target(r, members);
    members[i] = { ...members[i], size: pick(r, [0, 1, 0x7fffffff, 0xfffffffe]) };
    return writeZip(members);
  },
  'zip-stored-huge': (b, r) => {
    // A member that inflates to far more than it says (a bomb with a lying size).
    const members = readZip(b);
    if (!members.length) return null;
    const i = target(r, members);
    const bomb = deflateRawSync(Buffer.alloc(int(r, 64, 300) * 1024 * 1024, 0x20));
    members[i] = { name: members[i].name, method: 8, data: Uint8Array.from(bomb), size: 1000 };
    return writeZip(members);
  },
};

// ---------- PDF

function streams(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (text.slice(Math.max(0, m.index - 3), m.index) === 'end') continue;
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    out.push({ start, end });
    re.lastIndex = end + 9;
  }
  return out;
}

const PDF: Record<string, Mutation> = {
  'pdf-stream-cut': (b, r) => {
    const text = latin1(b);
    const s = streams(text);
    if (!s.length) return null;
    const { start, end } = pick(r, s);
    const keep = int(r, 0, Math.max(0, end - start - 1));
    return fromLatin1(text.slice(0, start + keep) + '\n' + text.slice(end));
  },
  'pdf-stream-flip': (b, r) => {
    const s = streams(latin1(b));
    if (!s.length) return null;
    const out = Uint8Array.from(b);
    for (let k = int(r, 1, 6); k > 0; k--) {
      const { start, end } = pick(r, s);
      if (end > start) for (let j = int(r, 1, 24); j > 0; j--) out[int(r, start, end - 1)] ^= int(r, 1, 255);
    }
    return out;
  },
  'pdf-length-lie': (b, r) => {
    const text = latin1(b);
    const lengths = [...text.matchAll(/\/Length (\d+)/g)];
    if (!lengths.length) return null;
    const m = pick(r, lengths);
    return fromLatin1(text.slice(0, m.index) + `/Length ${pick(r, [0, 1, 999999999, Number(m[1]) * 3])}` + text.slice(m.index! + m[0].length));
  },
  'pdf-xref-garble': (b, r) => {
    const text = latin1(b);
    const at = text.lastIndexOf('startxref');
    if (at < 0) return null;
    if (r() < 0.5) return fromLatin1(text.slice(0, at) + `startxref\n${int(r, 0, b.length * 2)}\n%%EOF\n`);
    const xref = text.lastIndexOf('xref', at - 1);
    if (xref < 0) return null;
    const out = Uint8Array.from(b);
    for (let k = int(r, 4, 64); k > 0; k--) out[int(r, xref, at)] = pick(r, [0x30, 0x39, 0x20, 0x6e, 0x66, 0x0a]);
    return out;
  },
  'pdf-no-eof': (b) => {
    const text = latin1(b);
    const at = text.lastIndexOf('%%EOF');
    return at < 0 ? null : fromLatin1(text.slice(0, at));
  },
  'pdf-object-drop': (b, r) => {
    const text = latin1(b);
    const objects = [...text.matchAll(/\n(\d+) 0 obj[\s\S]*?endobj/g)];
    if (!objects.length) return null;
    const m = pick(r, objects);
    return fromLatin1(text.slice(0, m.index!) + text.slice(m.index! + m[0].length));
  },
  'pdf-image-dims': (b, r) => {
    const text = latin1(b);
    if (!/\/Subtype\s*\/Image/.test(text)) return null;
    const huge = () => String(pick(r, [65535, 200000, 2147483647, 99999999]));
    return fromLatin1(text.replace(/\/Width (\d+)/g, () => `/Width ${huge()}`).replace(/\/Height (\d+)/g, () => `/Height ${huge()}`));
  },
  'pdf-page-count': (b, r) => {
    const text = latin1(b);
    if (!/\/Count \d+/.test(text)) return null;
    return fromLatin1(text.replace(/\/Count \d+/, `/Count ${pick(r, [0, 100000, 2147483647])}`));
  },
  'pdf-mediabox': (b, r) => {
    const text = latin1(b);
    if (!/\/MediaBox\s*\[/.test(text)) return null;
    return fromLatin1(text.replace(/\/MediaBox\s*\[[^\]]*\]/g, () => pick(r, ['/MediaBox [0 0 0 0]', '/MediaBox [0 0 9999999 9999999]', '/MediaBox [0 0 -595 -842]', '/MediaBox [0 0 NaN 842]'])));
  },
  'pdf-recursive-pages': (b) => {
    // A page tree whose Kids point back at the tree itself.
    const text = latin1(b);
    const m = /(\d+) 0 obj\s*<<\s*\/Type\s*\/Pages/.exec(text);
    if (!m) return null;
    return fromLatin1(text.replace(/\/Kids\s*\[[^\]]*\]/, `/Kids [${m[1]} 0 R ${m[1]} 0 R]`));
  },
};

// ---------- images

const PNG: Record<string, Mutation> = {
  'png-dims': (b, r) => {
    if (b.length < 24) return null;
    const out = Buffer.from(b);
    out.writeUInt32BE(pick(r, [0, 1, 65535, 100000, 0x7fffffff]), 16);
    out.writeUInt32BE(pick(r, [0, 1, 65535, 100000, 0x7fffffff]), 20);
    return Uint8Array.from(out);
  },
  'png-idat-cut': (b, r) => {
    const at = Buffer.from(b).indexOf('IDAT');
    return at < 0 ? null : b.subarray(0, int(r, at + 4, b.length - 12));
  },
};

const JPEG: Record<string, Mutation> = {
  'jpeg-dims': (b, r) => {
    const out = Buffer.from(b);
    for (let i = 2; i + 9 < out.length; ) {
      if (out[i] !== 0xff) return null;
      const marker = out[i + 1];
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        out.writeUInt16BE(pick(r, [0, 1, 65535, 60000]), i + 5);
        out.writeUInt16BE(pick(r, [0, 1, 65535, 60000]), i + 7);
        return Uint8Array.from(out);
      }
      i += 2 + out.readUInt16BE(i + 2);
    }
    return null;
  },
  'jpeg-scan-cut': (b, r) => {
    const at = Buffer.from(b).indexOf(Buffer.from([0xff, 0xda]));
    return at < 0 ? null : b.subarray(0, int(r, at + 2, b.length - 2));
  },
};

/** The tags of the first IFD of a little- or big-endian TIFF: [entry offset, tag]. */
function tiffEntries(buf: Buffer): { little: boolean; ifd: number; entries: { at: number; tag: number; type: number }[] } | null {
  if (buf.length < 8) return null;
  const little = buf[0] === 0x49;
  const u16 = (o: number) => (little ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (little ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const ifd = u32(4);
  if (ifd + 2 > buf.length) return null;
  const entries = [];
  for (let k = 0, n = u16(ifd); k < n && ifd + 2 + k * 12 + 12 <= buf.length; k++) {
    const at = ifd + 2 + k * 12;
    entries.push({ at, tag: u16(at), type: u16(at + 2) });
  }
  return { little, ifd, entries };
}

function setTiffValue(buf: Buffer, little: boolean, at: number, type: number, value: number): void {
  if (type === 3) little ? buf.writeUInt16LE(value & 0xffff, at + 8) : buf.writeUInt16BE(value & 0xffff, at + 8);
  else little ? buf.writeUInt32LE(value >>> 0, at + 8) : buf.writeUInt32BE(value >>> 0, at + 8);
}

const TIFF: Record<string, Mutation> = {
  'tiff-dims': (b, r) => {
    const buf = Buffer.from(b);
    const t = tiffEntries(buf);
    if (!t) return null;
    for (const e of t.entries) if (e.tag === 256 || e.tag === 257) setTiffValue(buf, t.little, e.at, e.type, pick(r, [0, 1, 65535, 100000, 0x7fffffff]));
    return Uint8Array.from(buf);
  },
  'tiff-strips': (b, r) => {
    const buf = Buffer.from(b);
    const t = tiffEntries(buf);
    if (!t) return null;
    for (const e of t.entries) if ((e.tag === 273 || e.tag === 279) && r() < 0.8) setTiffValue(buf, t.little, e.at, e.type, pick(r, [0, 7, buf.length + 1000, 0x7fffffff]));
    return Uint8Array.from(buf);
  },
  'tiff-ifd-loop': (b) => {
    // The first IFD's "next IFD" offset points at itself: a reader that follows it never ends.
    const buf = Buffer.from(b);
    const t = tiffEntries(buf);
    if (!t) return null;
    const next = t.ifd + 2 + t.entries.length * 12;
    if (next + 4 > buf.length) return null;
    t.little ? buf.writeUInt32LE(t.ifd, next) : buf.writeUInt32BE(t.ifd, next);
    return Uint8Array.from(buf);
  },
  'tiff-compression': (b, r) => {
    const buf = Buffer.from(b);
    const t = tiffEntries(buf);
    if (!t) return null;
    for (const e of t.entries) if (e.tag === 259) setTiffValue(buf, t.little, e.at, e.type, pick(r, [2, 3, 4, 5, 7, 8, 32773, 34712, 9]));
    for (const e of t.entries) if (e.tag === 258 && r() < 0.5) setTiffValue(buf, t.little, e.at, e.type, pick(r, [0, 3, 16, 32, 255]));
    return Uint8Array.from(buf);
  },
};

// ---------- text

const CONTROLS = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f', '\u0085', '\u2028', '\u2029', '\u200b', '\ufeff', '\ufffd', '\u202e'];

const TEXT: Record<string, Mutation> = {
  'text-controls': (b, r) => {
    const chars = [...Buffer.from(b).toString('utf8')];
    for (let k = int(r, 1, 200); k > 0; k--) chars.splice(int(r, 0, chars.length), 0, pick(r, CONTROLS).repeat(int(r, 1, 5)));
    return Uint8Array.from(Buffer.from(chars.join(''), 'utf8'));
  },
  'text-mixed-encoding': (b, r) => {
    // Some lines in a single-byte code page, some in UTF-16, the rest UTF-8.
    const lines = Buffer.from(b).toString('utf8').split('\n');
    const parts = lines.map((line) => {
      const roll = r();
      if (roll < 0.15) return Buffer.from(line.normalize('NFD').replace(/[\u0300-\u036f]/g, (m) => m), 'latin1');
      if (roll < 0.2) return Buffer.from(line, 'utf16le');
      if (roll < 0.3) return Buffer.from(Buffer.from(line, 'utf8').toString('latin1'), 'utf8'); // UTF-8 read as Latin-1 and saved again
      return Buffer.from(line, 'utf8');
    });
    return Uint8Array.from(Buffer.concat(parts.flatMap((p) => [p, Buffer.from('\n')])));
  },
  'text-invalid-utf8': (b, r) => {
    let out = b;
    for (let k = int(r, 1, 40); k > 0; k--) {
      const at = int(r, 0, out.length);
      out = concat(out.subarray(0, at), Uint8Array.from(pick(r, [[0xc3, 0x28], [0xff], [0xe2, 0x82], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xc0, 0xaf]])), out.subarray(at));
    }
    return out;
  },
  'text-utf16': (b, r) => {
    const text = Buffer.from(b).toString('utf8');
    const body = Buffer.from(text, r() < 0.5 ? 'utf16le' : 'utf8');
    return concat(Uint8Array.from(pick(r, [[0xff, 0xfe], [0xfe, 0xff], [0xef, 0xbb, 0xbf], []])), body);
  },
  'text-one-line': (b, r) => {
    const text = Buffer.from(b).toString('utf8').replace(/\s*\n\s*/g, ' ');
    return Uint8Array.from(Buffer.from(text.repeat(int(r, 1, 20)), 'utf8'));
  },
  'text-long-lines': (b, r) => {
    const lines = Buffer.from(b).toString('utf8').split('\n');
    const line = pick(r, lines.filter((l) => l.trim()));
    const at = int(r, 0, lines.length);
    lines.splice(at, 0, ...Array.from({ length: int(r, 100, 5000) }, () => line));
    return Uint8Array.from(Buffer.from(lines.join('\n'), 'utf8'));
  },
  'text-nested-markers': (b, r) => {
    // Deep list nesting and markdown noise in front of every line.
    const lines = Buffer.from(b).toString('utf8').split('\n');
    const marks = ['I.', '1.', '1.1.', 'a)', '(1)', '*', '-', '+', '#', '**', '|', '>'];
    return Uint8Array.from(Buffer.from(lines.map((l) => Array.from({ length: int(r, 0, 12) }, () => pick(r, marks)).join(' ') + ' ' + l).join('\n'), 'utf8'));
  },
};

const BY_KIND: Record<SeedKind, Record<string, Mutation>> = {
  text: { ...GENERIC, ...TEXT },
  pdf: { ...GENERIC, ...PDF },
  docx: { ...GENERIC, ...ZIP },
  png: { ...GENERIC, ...PNG },
  jpeg: { ...GENERIC, ...JPEG },
  tiff: { ...GENERIC, ...TIFF },
};

/** The mutations that apply to a kind of seed. */
export function mutationsFor(kind: SeedKind): string[] {
  return Object.keys(BY_KIND[kind]);
}

const EXTENSION: Record<SeedKind, string> = { text: 'txt', pdf: 'pdf', docx: 'docx', png: 'png', jpeg: 'jpg', tiff: 'tiff' };

/**
 * `count` variants from the seeds, deterministic for a given `seed`: the seeds are taken in
 * turn, each with a mutation of its kind (in turn too, so every mutation is used), each
 * mutation drawing its places and sizes from the PRNG. `only` restricts the mutations.
 */
export function generateVariants(seeds: Seed[], count: number, seed = 1, options: { only?: (kind: SeedKind, mutation: string) => boolean } = {}): Variant[] {
  const r = rng(seed);
  const out: Variant[] = [];
  const turn = new Map<string, number>();
  let misses = 0;
  for (let i = 0; out.length < count && misses < count * 20; i++) {
    const s = seeds[i % seeds.length];
    const names = mutationsFor(s.kind).filter((m) => !options.only || options.only(s.kind, m));
    if (!names.length) {
      misses++;
      continue;
    }
    const k = turn.get(s.name) ?? 0;
    turn.set(s.name, k + 1);
    const mutation = names[k % names.length];
    const bytes = BY_KIND[s.kind][mutation](s.bytes, r);
    if (!bytes || bytes.length === 0) {
      misses++;
      continue;
    }
    const stem = s.name.replace(/\.[^.]+$/, '');
    out.push({ name: `${String(out.length + 1).padStart(4, '0')}-${stem}-${mutation}.${EXTENSION[s.kind]}`, seed: s.name, mutation, bytes });
  }
  return out;
}

/** The kind of a seed file from its name. */
export function seedKind(name: string): SeedKind | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  if (ext === 'txt' || ext === 'md') return 'text';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'docx') return 'docx';
  if (ext === 'png') return 'png';
  if (ext === 'jpg' || ext === 'jpeg') return 'jpeg';
  if (ext === 'tif' || ext === 'tiff') return 'tiff';
  return null;
}

