/**
 * Limits of the paint-thickness flags, in µm (domain notes: < 80 thin, > 200 probably
 * repainted, > 30 between adjacent panels worth a look).
 *
 * @example
 * ```ts
 * const strict: ThicknessLimits = { thinUm: 90, repaintUm: 180, differenceUm: 25 };
 * ```
 */
export interface ThicknessLimits {
  thinUm: number;
  repaintUm: number;
  differenceUm: number;
}

/**
 * The defaults of the domain notes.
 *
 * @example
 * ```ts
 * thicknessFlags(panels, PANEL_NEIGHBOURS, { ...DEFAULT_THICKNESS_LIMITS, repaintUm: 180 });
 * ```
 */
export const DEFAULT_THICKNESS_LIMITS: ThicknessLimits = { thinUm: 80, repaintUm: 200, differenceUm: 30 };

/**
 * One flag raised by the paint readings; each needs the customer's waiver before film goes on.
 *
 * @example
 * ```ts
 * const flag: ThicknessFlag = { panel: 'fender_left', kind: 'repaint', averageUm: 236, message: 'fender_left: 236 µm, probably repainted (> 200 µm): film may lift' };
 * ```
 */
export interface ThicknessFlag {
  panel: string;
  kind: 'thin' | 'repaint' | 'difference';
  averageUm: number;
  message: string;
}

/**
 * The average of a panel's readings, to 1 µm.
 *
 * @example
 * ```ts
 * averageUm([110, 112, 108, 115, 111]); // 111
 * ```
 */
export function averageUm(readings: readonly number[]): number {
  return Math.round(readings.reduce((sum, r) => sum + r, 0) / Math.max(1, readings.length));
}

/**
 * Flags panels whose average is thin or suggests a repaint, and adjacent pairs that differ by
 * more than the limit (flagged on the thicker panel, once per pair).
 *
 * @example
 * ```ts
 * thicknessFlags([{ panel: 'hood', readingsUm: [112] }, { panel: 'fender_left', readingsUm: [236] }], neighbours);
 * ```
 */
export function thicknessFlags(
  panels: readonly { panel: string; readingsUm: readonly number[] }[],
  neighbours: Readonly<Record<string, readonly string[]>>,
  limits: ThicknessLimits = DEFAULT_THICKNESS_LIMITS,
): ThicknessFlag[] {
  const averages = new Map(panels.map((p) => [p.panel, averageUm(p.readingsUm)]));
  const flags: ThicknessFlag[] = [];
  for (const [panel, avg] of averages) {
    if (avg < limits.thinUm) {
      flags.push({
        panel,
        kind: 'thin',
        averageUm: avg,
        message: `${panel}: ${avg} µm is thin (< ${limits.thinUm} µm)`,
      });
    }
    if (avg > limits.repaintUm) {
      flags.push({
        panel,
        kind: 'repaint',
        averageUm: avg,
        message: `${panel}: ${avg} µm, probably repainted (> ${limits.repaintUm} µm): film may lift`,
      });
    }
  }
  for (const [panel, avg] of averages) {
    for (const other of neighbours[panel] ?? []) {
      const otherAvg = averages.get(other);
      if (otherAvg === undefined || avg <= otherAvg || avg - otherAvg <= limits.differenceUm) continue;
      flags.push({
        panel,
        kind: 'difference',
        averageUm: avg,
        message: `${panel}: ${avg} µm vs ${otherAvg} µm on ${other} (difference > ${limits.differenceUm} µm)`,
      });
    }
  }
  return flags;
}
