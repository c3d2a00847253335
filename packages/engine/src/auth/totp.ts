import type { TOTP } from 'otpauth';
import { lazyModule } from '../kernel/lazy-module.js';

/** otpauth is fetched on the first 2FA enrolment or code check, not at start. */
const otpauth = lazyModule('two-factor code library (otpauth)', () => import('./totp-library.js'));

/** TOTP as every authenticator app implements it: SHA-1, 6 digits, 30-second steps (RFC 6238). */
const PERIOD = 30;
const DIGITS = 6;

/**
 * A new random TOTP seed (160 bits, the RFC 4226 recommendation), base32-encoded.
 *
 * @example
 * ```ts
 * const seed = await newTotpSecret(); // 'JBSWY3DPEHPK3PXP…'
 * ```
 */
export async function newTotpSecret(): Promise<string> {
  const { Secret } = await otpauth();
  return new Secret({ size: 20 }).base32;
}

/**
 * The `otpauth://` URL an authenticator app scans.
 *
 * @example
 * ```ts
 * await totpUrl(seed, { issuer: 'Atelier Film', account: 'lea@example.com' });
 * // 'otpauth://totp/Atelier%20Film:lea%40example.com?issuer=Atelier%20Film&secret=…'
 * ```
 */
export async function totpUrl(secret: string, label: { issuer: string; account: string }): Promise<string> {
  return (await totpFor(secret, label)).toString();
}

/**
 * The code for the step containing `at` (ms); for tests and for showing a code in a demo.
 * Async because the TOTP library is loaded on first use.
 *
 * @example
 * ```ts
 * await totpCode(seed, clock.now()); // '492039'
 * ```
 */
export async function totpCode(secret: string, at: number): Promise<string> {
  return (await totpFor(secret)).generate({ timestamp: at });
}

/**
 * Checks `code` at time `now` (ms) with a window of ±1 step, and refuses a step at or before
 * `lastStep` so each code (and any older one) works only once. Returns the matched step (store
 * it as the new `lastStep`), or undefined when the code is refused.
 *
 * @example
 * ```ts
 * const step = await verifyTotp(seed, input.totp, clock.now(), credentials.totp.lastStep);
 * if (step === undefined) throw new EngineError('UNAUTHENTICATED', 'invalid code');
 * ```
 */
export async function verifyTotp(
  secret: string,
  code: string,
  now: number,
  lastStep: number | null,
): Promise<number | undefined> {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return undefined;
  const totp = await totpFor(secret);
  const delta = totp.validate({ token, timestamp: now, window: 1 });
  if (delta === null) return undefined;
  const step = totp.counter({ timestamp: now }) + delta;
  if (lastStep !== null && step <= lastStep) return undefined;
  return step;
}

async function totpFor(secret: string, label?: { issuer: string; account: string }): Promise<TOTP> {
  const { Secret, TOTP } = await otpauth();
  return new TOTP({
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD,
    ...(label ? { issuer: label.issuer, label: label.account } : {}),
  });
}
