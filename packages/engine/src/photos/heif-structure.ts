import { fourcc, u32be } from './byte-utils.js';
import { stripExifGps } from './exif-tiff.js';
import type { ByteRange, ImageStructure } from './image-structure.js';
import { refusePhoto } from './photo-refusal.js';

/** ftyp brands that mark a HEIF/HEIC still image. */
export const HEIF_BRANDS = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'hevm',
  'hevs',
  'mif1',
  'msf1',
]);
const TOP_LEVEL = new Set(['ftyp', 'meta', 'mdat', 'free', 'skip', 'moov', 'uuid', 'wide']);

interface Box {
  type: string;
  /** Content start (after the header) and box end. */
  start: number;
  end: number;
}

interface Item {
  type: string;
  contentType: string;
  extents: ByteRange[];
}

/**
 * Walks a HEIF/HEIC file's ISO-BMFF boxes: the `meta` box's items (`iinf`, `iloc`), the
 * primary item's `ispe` dimensions (and the largest `ispe` any item declares), the EXIF and XMP
 * items. Top-level walking stops at the first box that is not an ISO-BMFF top-level box: what
 * follows is treated as appended data. An item whose data lies past the end is `TRUNCATED`.
 *
 * @example
 * ```ts
 * const { width, height } = parseHeif(bytes);
 * ```
 */
export function parseHeif(bytes: Uint8Array): ImageStructure {
  const s: ImageStructure = {
    format: 'heic',
    width: 0,
    height: 0,
    maxDeclaredPixels: 0,
    end: 0,
    metadata: [],
    exif: [],
    xmp: [],
  };
  let meta: Box | null = null;
  let pos = 0;
  while (pos < bytes.length) {
    const box = readBox(bytes, pos, bytes.length, pos > 0);
    if (!box) break;
    if (pos === 0 && box.type !== 'ftyp') throw refusePhoto('MALFORMED', 'the HEIF does not start with ftyp');
    if (box.type === 'meta') {
      meta = box;
      s.metadata.push([box.start, box.end]);
    }
    pos = box.end;
  }
  s.end = pos;
  if (!meta) throw refusePhoto('MALFORMED', 'the HEIF has no meta box');
  readMeta(bytes, meta, s);
  return s;
}

function readBox(bytes: Uint8Array, pos: number, limit: number, topLevelCheck: boolean): Box | null {
  if (pos + 8 > limit) {
    if (topLevelCheck) return null;
    throw refusePhoto('TRUNCATED', 'the HEIF ends inside a box header');
  }
  const type = fourcc(bytes, pos + 4);
  if (topLevelCheck && !TOP_LEVEL.has(type)) return null;
  let size = u32be(bytes, pos);
  let header = 8;
  if (size === 1) {
    if (pos + 16 > limit) throw refusePhoto('TRUNCATED', 'the HEIF ends inside a box header');
    size = u32be(bytes, pos + 8) * 2 ** 32 + u32be(bytes, pos + 12);
    header = 16;
  } else if (size === 0) {
    size = limit - pos;
  }
  if (size < header) throw refusePhoto('MALFORMED', `HEIF box ${type} has size ${size}`);
  if (pos + size > limit) throw refusePhoto('TRUNCATED', `the HEIF ends inside its ${type} box`);
  return { type, start: pos + header, end: pos + size };
}

function children(bytes: Uint8Array, parent: Box, skip: number): Box[] {
  const out: Box[] = [];
  for (let pos = parent.start + skip; pos < parent.end; ) {
    const box = readBox(bytes, pos, parent.end, false)!;
    out.push(box);
    pos = box.end;
  }
  return out;
}

function readMeta(bytes: Uint8Array, meta: Box, s: ImageStructure): void {
  const boxes = children(bytes, meta, 4);
  const find = (type: string) => boxes.find((b) => b.type === type);
  const pitm = find('pitm');
  const primary = pitm
    ? bytes[pitm.start] === 0
      ? u16(bytes, pitm.start + 4)
      : u32be(bytes, pitm.start + 4)
    : 0;
  const items = readItems(bytes, find('iinf'), find('iloc'));
  for (const item of items.values()) {
    for (const [start, end] of item.extents) {
      if (end > bytes.length) throw refusePhoto('TRUNCATED', 'HEIF item data lies past the end of the file');
      if (item.type === 'Exif' && end - start > 4) {
        s.exif.push([start + 4 + u32be(bytes, start), end]);
        s.metadata.push([start, end]);
      }
      if (item.type === 'mime' && /xmp|rdf\+xml/i.test(item.contentType)) {
        s.xmp.push([start, end]);
        s.metadata.push([start, end]);
      }
    }
  }
  const iprp = find('iprp');
  if (iprp) readSizes(bytes, iprp, primary, s);
  if (s.width === 0 || s.height === 0)
    throw refusePhoto('MALFORMED', 'the HEIF primary image has no ispe size');
}

function readItems(bytes: Uint8Array, iinf: Box | undefined, iloc: Box | undefined): Map<number, Item> {
  const items = new Map<number, Item>();
  if (iinf) {
    const version = bytes[iinf.start]!;
    for (const infe of children(bytes, iinf, version === 0 ? 6 : 8)) {
      if (infe.type !== 'infe' || bytes[infe.start]! < 2) continue;
      const wide = bytes[infe.start] === 3;
      const id = wide ? u32be(bytes, infe.start + 4) : u16(bytes, infe.start + 4);
      const typeAt = infe.start + (wide ? 10 : 8);
      const nameEnd = bytes.indexOf(0, typeAt + 4);
      const contentEnd = nameEnd < 0 ? -1 : bytes.indexOf(0, nameEnd + 1);
      const contentType =
        nameEnd >= 0 && contentEnd > nameEnd && contentEnd < infe.end
          ? String.fromCharCode(...bytes.subarray(nameEnd + 1, contentEnd))
          : '';
      items.set(id, { type: fourcc(bytes, typeAt), contentType, extents: [] });
    }
  }
  if (iloc) readLocations(bytes, iloc, items);
  return items;
}

function readLocations(bytes: Uint8Array, iloc: Box, items: Map<number, Item>): void {
  const version = bytes[iloc.start]!;
  let at = iloc.start + 4;
  const sizes = bytes[at]!;
  const more = bytes[at + 1]!;
  const offsetSize = sizes >> 4;
  const lengthSize = sizes & 15;
  const baseSize = more >> 4;
  const indexSize = version > 0 ? more & 15 : 0;
  at += 2;
  const read = (n: number): number => {
    if (at + n > iloc.end) throw refusePhoto('MALFORMED', 'the HEIF iloc box is cut short');
    const value =
      n === 8
        ? u32be(bytes, at) * 2 ** 32 + u32be(bytes, at + 4)
        : n === 4
          ? u32be(bytes, at)
          : n === 2
            ? u16(bytes, at)
            : 0;
    at += n;
    return value;
  };
  const count = read(version < 2 ? 2 : 4);
  for (let i = 0; i < count; i++) {
    const id = read(version < 2 ? 2 : 4);
    const method = version > 0 ? read(2) & 15 : 0;
    read(2);
    const base = read(baseSize);
    const extents = read(2);
    for (let e = 0; e < extents; e++) {
      read(indexSize);
      const offset = read(offsetSize);
      const length = read(lengthSize);
      const item = items.get(id);
      if (item && method === 0) item.extents.push([base + offset, base + offset + length]);
    }
  }
}

function readSizes(bytes: Uint8Array, iprp: Box, primary: number, s: ImageStructure): void {
  const boxes = children(bytes, iprp, 0);
  const ipco = boxes.find((b) => b.type === 'ipco');
  if (!ipco) return;
  const properties = children(bytes, ipco, 0);
  properties.forEach((p) => {
    if (p.type !== 'ispe' || p.end - p.start < 12) return;
    const width = u32be(bytes, p.start + 4);
    const height = u32be(bytes, p.start + 8);
    s.maxDeclaredPixels = Math.max(s.maxDeclaredPixels, width * height);
    if (s.width === 0) Object.assign(s, { width, height });
  });
  for (const ipma of boxes.filter((b) => b.type === 'ipma')) {
    const version = bytes[ipma.start]!;
    const wideIndex = (bytes[ipma.start + 3]! & 1) === 1;
    let at = ipma.start + 8;
    const entries = u32be(bytes, ipma.start + 4);
    for (let e = 0; e < entries && at < ipma.end; e++) {
      const id = version < 1 ? u16(bytes, at) : u32be(bytes, at);
      at += version < 1 ? 2 : 4;
      const associations = bytes[at++]!;
      for (let a = 0; a < associations; a++) {
        const index = wideIndex ? u16(bytes, at) & 0x7fff : bytes[at]! & 0x7f;
        at += wideIndex ? 2 : 1;
        const property = properties[index - 1];
        if (id === primary && property?.type === 'ispe') {
          s.width = u32be(bytes, property.start + 4);
          s.height = u32be(bytes, property.start + 8);
        }
      }
    }
  }
}

function u16(bytes: Uint8Array, at: number): number {
  return (bytes[at]! << 8) | bytes[at + 1]!;
}

/**
 * A copy of the HEIF without location data, same length so every offset stays valid: GPS
 * removed in place from the EXIF item (a block that does not parse is zeroed), XMP items
 * blanked with spaces.
 *
 * @example
 * ```ts
 * const clean = stripHeifLocation(bytes, parseHeif(bytes));
 * ```
 */
export function stripHeifLocation(bytes: Uint8Array, structure: ImageStructure): Uint8Array {
  const out = bytes.slice(0, structure.end);
  for (const [start, end] of structure.exif) {
    if (!stripExifGps(out.subarray(start, end))) out.fill(0, start, end);
  }
  for (const [start, end] of structure.xmp) out.fill(0x20, start, end);
  return out;
}
