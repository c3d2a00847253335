/**
 * Small byte helpers shared by the header parsers.
 */

/**
 * True when `bytes` holds the ASCII `text` at `at`.
 *
 * @example
 * ```ts
 * asciiAt(bytes, 8, 'WEBP'); // true for a WebP file
 * ```
 */
export function asciiAt(bytes: Uint8Array, at: number, text: string): boolean {
  if (at < 0 || at + text.length > bytes.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[at + i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * The four ASCII characters at `at` (a chunk or box type).
 *
 * @example
 * ```ts
 * fourcc(bytes, 4); // 'ftyp'
 * ```
 */
export function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

/**
 * Big-endian unsigned 32-bit integer at `at`.
 *
 * @example
 * ```ts
 * u32be(new Uint8Array([0, 0, 1, 0]), 0); // 256
 * ```
 */
export function u32be(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

/**
 * Concatenates byte arrays into a new one.
 *
 * @example
 * ```ts
 * concatBytes([a, b]).length === a.length + b.length;
 * ```
 */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * A copy of `bytes` without the given ranges (which must not overlap).
 *
 * @example
 * ```ts
 * withoutRanges(bytes, [[10, 20]]).length === bytes.length - 10;
 * ```
 */
export function withoutRanges(bytes: Uint8Array, ranges: readonly (readonly [number, number])[]): Uint8Array {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    parts.push(bytes.subarray(at, start));
    at = end;
  }
  parts.push(bytes.subarray(at));
  return concatBytes(parts);
}
