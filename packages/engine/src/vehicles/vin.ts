/**
 * VIN rules (ISO 3779 / 49 CFR 565):
 * - 17 characters, digits and capital letters except I, O and Q (too close to 1 and 0);
 * - the 9th character is a check digit (0–9 or X) computed from the other 16 with the
 *   transliteration table and position weights of 49 CFR 565.15. It is mandatory for vehicles
 *   made for North America, whose VIN starts with 1–5 (United States, Canada, Mexico), so we
 *   verify it only there; European and Asian makers need not follow it, so other VINs are only
 *   checked for length and alphabet.
 */

const ALPHABET = /^[A-HJ-NPR-Z0-9]{17}$/;

const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};

const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/**
 * The check digit a 17-character VIN should carry in position 9 (`'0'`–`'9'` or `'X'`).
 *
 * @example
 * ```ts
 * vinCheckDigit('1M8GDM9AXKP042788'); // 'X'
 * ```
 */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin.charAt(i);
    const value = c >= '0' && c <= '9' ? Number(c) : (TRANSLITERATION[c] ?? 0);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const rest = sum % 11;
  return rest === 10 ? 'X' : String(rest);
}

/**
 * Why a VIN is not valid, or null when it is (see the rules at the top of this file).
 *
 * @example
 * ```ts
 * vinProblem('1M8GDM9AXKP042788'); // null
 * vinProblem('1M8GDM9A1KP042788'); // 'check digit should be X, not 1'
 * vinProblem('WVWZZZ1JZXW000001'); // null (European: no check digit rule)
 * ```
 */
export function vinProblem(vin: string): string | null {
  if (vin.length !== 17) return 'a VIN has 17 characters';
  if (!ALPHABET.test(vin)) return 'a VIN has only digits and capital letters other than I, O and Q';
  if (vin.charAt(0) >= '1' && vin.charAt(0) <= '5') {
    const expected = vinCheckDigit(vin);
    if (vin.charAt(8) !== expected) return `check digit should be ${expected}, not ${vin.charAt(8)}`;
  }
  return null;
}
