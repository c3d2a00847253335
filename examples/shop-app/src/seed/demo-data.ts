// The demo organisation's raw material: names, vehicles and stock a French PPF/ceramic shop has.

export const FIRST_NAMES = [
  'Léa',
  'Hugo',
  'Camille',
  'Lucas',
  'Chloé',
  'Louis',
  'Manon',
  'Gabriel',
  'Emma',
  'Jules',
];
export const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
];
/** The shop's bays: appointments are booked in one, and the calendar filters by them. */
export const BAYS = [
  { id: 'baie-1', name: 'Baie 1 (PPF)' },
  { id: 'baie-2', name: 'Baie 2 (PPF)' },
  { id: 'baie-3', name: 'Baie 3 (céramique)' },
];

export const BUSINESSES = [
  'Garage Dupont',
  'Prestige Auto Lyon',
  'VTC Riviera',
  'Taxis Bordelais',
  'Atelier Gautier',
];

export const VEHICLES: { make: string; model: string; colour: string }[] = [
  { make: 'Porsche', model: '911 Carrera', colour: 'Gris Craie' },
  { make: 'Tesla', model: 'Model 3', colour: 'Blanc nacré' },
  { make: 'BMW', model: 'M3', colour: 'Bleu Portimao' },
  { make: 'Audi', model: 'RS6 Avant', colour: 'Noir Mythos' },
  { make: 'Peugeot', model: '508 PSE', colour: 'Gris Selenium' },
  { make: 'Renault', model: 'Alpine A110', colour: 'Bleu Alpine' },
  { make: 'Mercedes-Benz', model: 'Classe G', colour: 'Noir obsidienne' },
  { make: 'Volkswagen', model: 'Golf R', colour: 'Bleu Lapiz' },
];

/** Zones a PPF job covers, by package. */
export const PPF_PACKAGES: string[][] = [
  ['hood', 'front_bumper'],
  ['hood', 'front_bumper', 'mirrors'],
  ['hood', 'front_bumper', 'headlights'],
  ['full_front'],
];

export const CERAMIC_PANELS: string[][] = [
  ['hood', 'roof', 'doors'],
  ['hood', 'front_bumper'],
];

/** Stock the shop starts with: material, then lots (quantity, received days ago). */
export const STOCK = [
  {
    material: {
      sku: 'PPF-GLOSS-8',
      name: 'Film PPF brillant 8 mil',
      type: 'film',
      unit: 'm2',
      reorderPoint: 15,
      unitCost: 38,
    },
    lots: [
      { lotNumber: 'R-118', quantity: 30, daysAgo: 86 },
      { lotNumber: 'R-131', quantity: 45, daysAgo: 24 },
    ],
  },
  {
    material: {
      sku: 'PPF-MATTE-8',
      name: 'Film PPF mat 8 mil',
      type: 'film',
      unit: 'm2',
      reorderPoint: 10,
      unitCost: 44,
    },
    lots: [{ lotNumber: 'M-042', quantity: 12, daysAgo: 40 }],
  },
  {
    material: {
      sku: 'COAT-PRO-5Y',
      name: 'Céramique Pro 5 ans',
      type: 'coating',
      unit: 'ml',
      reorderPoint: 100,
      unitCost: 1.2,
    },
    lots: [{ lotNumber: 'B-77', quantity: 500, daysAgo: 30 }],
  },
  {
    material: {
      sku: 'IPA-30',
      name: 'IPA dilué 30 %',
      type: 'chemical',
      unit: 'ml',
      reorderPoint: 1000,
      unitCost: 0.01,
    },
    lots: [{ lotNumber: 'I-9', quantity: 800, daysAgo: 10 }],
  },
] as const;
