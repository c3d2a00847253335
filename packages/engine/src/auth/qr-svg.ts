import { toEngineError } from '../kernel/engine-error.js';
import { lazyModule } from '../kernel/lazy-module.js';

/** The QR encoder is fetched at the first 2FA enrolment, not at start. */
const qrcode = lazyModule('QR code encoder (qrcode)', () => import('qrcode'));

/**
 * An SVG QR code of `text` (for the otpauth URL at 2FA enrolment), error correction level M,
 * a 4-module quiet zone. The markup is produced locally; nothing is sent anywhere.
 *
 * @example
 * ```ts
 * element.innerHTML = await qrSvg(enrolment.otpauthUrl);
 * ```
 */
export async function qrSvg(text: string): Promise<string> {
  const { default: QRCode } = await qrcode();
  try {
    return await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
  } catch (error) {
    throw toEngineError(error, 'VALIDATION', 'could not encode the QR code');
  }
}
