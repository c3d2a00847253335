import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shopDays } from '../seed/shop-days.js';

describe('shopDays', () => {
  it("keeps today and the open weekdays only, in order, one entry per date, in the shop's zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.constantFrom('Europe/Paris', 'Pacific/Auckland', 'America/Los_Angeles', 'UTC'),
        fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 7 }),
        (now, timeZone, openDays) => {
          const days = shopDays(now, timeZone, { from: -10, to: 10, openDays });
          const today = days.find((d) => d.offset === 0);
          expect(today?.date).toBe(new Intl.DateTimeFormat('en-CA', { timeZone }).format(now));
          for (const [i, day] of days.entries()) {
            const weekday = new Date(`${day.date}T12:00:00Z`).getUTCDay() || 7;
            expect(day.open).toBe(openDays.includes(weekday));
            expect(day.open || day.offset === 0).toBe(true);
            if (i > 0) expect(day.offset).toBeGreaterThan(days[i - 1]!.offset);
          }
          expect(days.filter((d) => d.open)).toHaveLength(
            Array.from({ length: 21 }, (_, k) => k - 10).filter((offset) => {
              const at = new Date(Date.parse(`${today!.date}T12:00:00Z`) + offset * 86_400_000);
              return openDays.includes(at.getUTCDay() || 7);
            }).length,
          );
        },
      ),
    );
  });
});
