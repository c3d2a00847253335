/**
 * A zone of a PPF job: what a task's coverage names, its typical film area, and the painted
 * panels it covers (whose paint thickness the inspection must measure).
 *
 * @example
 * ```ts
 * PPF_ZONES.hood; // { title: 'Hood', areaM2: 2.4, panels: ['hood'] }
 * ```
 */
export interface PpfZone {
  title: string;
  areaM2: number;
  panels: readonly string[];
}

/**
 * The zones a shop sells, with the typical film area of a mid-size car (domain notes: hood
 * ~2.4 m², front fenders ~1.2 m² each, bumper ~0.9 m², mirrors ~0.3 m² each, rockers ~1.0 m²).
 *
 * @example
 * ```ts
 * Object.keys(PPF_ZONES); // ['hood', 'front_bumper', 'fender_left', …]
 * ```
 */
export const PPF_ZONES: Readonly<Record<string, PpfZone>> = {
  hood: { title: 'Hood', areaM2: 2.4, panels: ['hood'] },
  front_bumper: { title: 'Front bumper', areaM2: 0.9, panels: ['front_bumper'] },
  fender_left: { title: 'Front fender, left', areaM2: 1.2, panels: ['fender_left'] },
  fender_right: { title: 'Front fender, right', areaM2: 1.2, panels: ['fender_right'] },
  mirror_left: { title: 'Mirror, left', areaM2: 0.3, panels: ['mirror_left'] },
  mirror_right: { title: 'Mirror, right', areaM2: 0.3, panels: ['mirror_right'] },
  rocker_left: { title: 'Rocker panel, left', areaM2: 1.0, panels: ['rocker_left'] },
  rocker_right: { title: 'Rocker panel, right', areaM2: 1.0, panels: ['rocker_right'] },
  a_pillars: { title: 'A-pillars', areaM2: 0.4, panels: ['a_pillar_left', 'a_pillar_right'] },
  headlights: { title: 'Headlights', areaM2: 0.5, panels: [] },
  roof: { title: 'Roof', areaM2: 2.2, panels: ['roof'] },
  full_front: {
    title: 'Full front',
    areaM2: 7.5,
    panels: ['hood', 'front_bumper', 'fender_left', 'fender_right', 'mirror_left', 'mirror_right'],
  },
  full_body: {
    title: 'Full body',
    areaM2: 22,
    panels: [
      'hood',
      'roof',
      'front_bumper',
      'rear_bumper',
      'fender_left',
      'fender_right',
      'door_front_left',
      'door_front_right',
      'door_rear_left',
      'door_rear_right',
      'quarter_left',
      'quarter_right',
      'trunk',
    ],
  },
};

/**
 * Painted panels that touch, for the "difference between adjacent panels" flag.
 *
 * @example
 * ```ts
 * PANEL_NEIGHBOURS.hood; // ['fender_left', 'fender_right', 'front_bumper']
 * ```
 */
export const PANEL_NEIGHBOURS: Readonly<Record<string, readonly string[]>> = {
  hood: ['fender_left', 'fender_right', 'front_bumper'],
  front_bumper: ['hood', 'fender_left', 'fender_right'],
  fender_left: ['hood', 'front_bumper', 'door_front_left', 'a_pillar_left'],
  fender_right: ['hood', 'front_bumper', 'door_front_right', 'a_pillar_right'],
  door_front_left: ['fender_left', 'door_rear_left', 'rocker_left'],
  door_front_right: ['fender_right', 'door_rear_right', 'rocker_right'],
  door_rear_left: ['door_front_left', 'quarter_left', 'rocker_left'],
  door_rear_right: ['door_front_right', 'quarter_right', 'rocker_right'],
  quarter_left: ['door_rear_left', 'rear_bumper', 'trunk'],
  quarter_right: ['door_rear_right', 'rear_bumper', 'trunk'],
  trunk: ['quarter_left', 'quarter_right', 'rear_bumper', 'roof'],
  rear_bumper: ['quarter_left', 'quarter_right', 'trunk'],
  roof: ['a_pillar_left', 'a_pillar_right', 'trunk'],
};

/**
 * The painted panels a coverage list needs measured (unknown zones count as one panel of the same id).
 *
 * @example
 * ```ts
 * panelsOf(['hood', 'headlights']); // ['hood']
 * ```
 */
export function panelsOf(coverage: readonly string[]): string[] {
  return [...new Set(coverage.flatMap((zone) => PPF_ZONES[zone]?.panels ?? [zone]))];
}
