import { describe, expect, it } from 'vitest';
import { FakeClock } from '../kernel/clock.js';
import { uuidv7Generator } from '../kernel/ids.js';

describe('kernel in a real browser', () => {
  it('runs under Chromium and makes uuidv7 ids with WebCrypto', () => {
    expect(navigator.userAgent).toContain('Chrome');
    const ids = uuidv7Generator(new FakeClock('2026-03-01T08:00:00Z'));
    const a = ids.next();
    const b = ids.next();
    expect(a < b).toBe(true);
    const millis = Date.parse('2026-03-01T08:00:00Z').toString(16).padStart(12, '0');
    expect(a.replace('-', '').slice(0, 12)).toBe(millis);
  });
});
