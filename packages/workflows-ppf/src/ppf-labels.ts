import type { StepLabels, WorkflowLabels } from '@rpma/engine';
import { PREPARATION_CHECKLIST } from './steps/preparation.js';
import { PPF_ZONES } from './zones.js';

type Locale = 'en' | 'fr';

const ZONES_FR: Readonly<Record<string, string>> = {
  hood: 'Capot',
  front_bumper: 'Pare-chocs avant',
  fender_left: 'Aile avant gauche',
  fender_right: 'Aile avant droite',
  mirror_left: 'Rétroviseur gauche',
  mirror_right: 'Rétroviseur droit',
  rocker_left: 'Bas de caisse gauche',
  rocker_right: 'Bas de caisse droit',
  a_pillars: 'Montants de pare-brise',
  headlights: 'Phares',
  roof: 'Toit',
  full_front: 'Face avant complète',
  full_body: 'Carrosserie complète',
};

/** The shots the installation asks for, one per zone (`zone:hood`). */
function zoneShots(locale: Locale): Record<string, string> {
  return Object.fromEntries(
    Object.entries(PPF_ZONES).map(([id, zone]) => [
      `zone:${id}`,
      locale === 'fr' ? (ZONES_FR[id] ?? zone.title) : zone.title,
    ]),
  );
}

const PREPARATION_CHECKLIST_FR: Readonly<Record<(typeof PREPARATION_CHECKLIST)[number]['id'], string>> = {
  wash: 'Lavage',
  decontamination: 'Décontamination fer / goudron',
  clay: 'Barre d’argile (clay)',
  rinse_dry: 'Rinçage et séchage',
  ipa_wipe: 'Dégraissage IPA (~30 % dans l’eau)',
  light_inspection: 'Contrôle sous lumière',
  masking: 'Masquage',
  trim_removed: 'Joints et logos déposés',
};

function preparationChecklist(locale: Locale): Record<string, string> {
  return Object.fromEntries(
    PREPARATION_CHECKLIST.map((item) => [
      item.id,
      locale === 'fr' ? PREPARATION_CHECKLIST_FR[item.id] : item.label,
    ]),
  );
}

const INTAKE_PHOTOS = {
  en: {
    'front-left': 'Front left corner',
    'front-right': 'Front right corner',
    'rear-left': 'Rear left corner',
    'rear-right': 'Rear right corner',
    vin: 'VIN',
    odometer: 'Odometer',
  },
  fr: {
    'front-left': 'Angle avant gauche',
    'front-right': 'Angle avant droit',
    'rear-left': 'Angle arrière gauche',
    'rear-right': 'Angle arrière droit',
    vin: 'Numéro de série (VIN)',
    odometer: 'Compteur kilométrique',
  },
};

const FINAL_PHOTOS = {
  en: { 'final-front': 'Finished car, front', 'final-rear': 'Finished car, rear' },
  fr: { 'final-front': 'Véhicule terminé, avant', 'final-rear': 'Véhicule terminé, arrière' },
};

const INSPECTION: Record<Locale, StepLabels> = {
  en: {
    title: 'Inspection',
    help: 'Walk round the car with the customer, photograph it, note every defect and measure the paint thickness of each panel to be covered (average of about 5 readings).',
    fields: {
      panels: 'Paint thickness per panel',
      'panels.panel': 'Panel',
      'panels.readingsUm': 'Readings (µm)',
      defects: 'Defects',
      'defects.panel': 'Panel',
      'defects.type': 'Defect',
      'defects.severity': 'Severity',
      'defects.note': 'Note',
      bay: 'Bay conditions',
      'bay.temperatureC': 'Temperature (°C)',
      'bay.humidityPct': 'Relative humidity (%)',
      waiver: 'Customer waiver',
      'waiver.signedBy': 'Signed by',
      'waiver.panels': 'Panels waived',
    },
    options: {
      'defects.type': {
        scratch: 'Scratch',
        dent: 'Dent',
        chip: 'Stone chip',
        paint_issue: 'Paint issue',
        crack: 'Crack',
      },
      'defects.severity': { low: 'Low', medium: 'Medium', high: 'High' },
    },
    checklist: { walkaround: 'Walk-around with the customer', belongings: 'Personal belongings noted' },
    photos: INTAKE_PHOTOS.en,
  },
  fr: {
    title: 'Inspection du véhicule',
    help: 'Faites le tour du véhicule avec le client, photographiez-le, relevez chaque défaut et mesurez l’épaisseur de peinture de chaque élément à protéger (moyenne d’environ 5 mesures).',
    fields: {
      panels: 'Épaisseur de peinture par élément',
      'panels.panel': 'Élément',
      'panels.readingsUm': 'Mesures (µm)',
      defects: 'Défauts',
      'defects.panel': 'Élément',
      'defects.type': 'Défaut',
      'defects.severity': 'Gravité',
      'defects.note': 'Remarque',
      bay: 'Conditions de l’atelier',
      'bay.temperatureC': 'Température (°C)',
      'bay.humidityPct': 'Hygrométrie (%)',
      waiver: 'Décharge du client',
      'waiver.signedBy': 'Signée par',
      'waiver.panels': 'Éléments concernés',
    },
    options: {
      'defects.type': {
        scratch: 'Rayure',
        dent: 'Bosse',
        chip: 'Éclat de gravillon',
        paint_issue: 'Défaut de peinture',
        crack: 'Fissure',
      },
      'defects.severity': { low: 'Faible', medium: 'Moyenne', high: 'Élevée' },
    },
    checklist: {
      walkaround: 'Tour du véhicule avec le client',
      belongings: 'Effets personnels notés',
    },
    photos: INTAKE_PHOTOS.fr,
  },
};

const PREPARATION: Record<Locale, StepLabels> = {
  en: {
    title: 'Preparation',
    help: 'Decontaminate and degrease the paint, mask, then cut the film from a pre-cut kit or from the bulk roll.',
    fields: {
      cut: 'Film cut',
      'cut.method': 'Cut method',
      'cut.kitId': 'Pre-cut kit',
      'cut.lengthM': 'Length cut from the roll (m)',
      roll: 'Film roll',
      'roll.sku': 'Film (SKU)',
      'roll.lot': 'Roll / lot',
      'roll.receivedOn': 'Roll received on',
      ipaDilutionPct: 'IPA dilution (%)',
    },
    options: { 'cut.method': { kit: 'Pre-cut kit', bulk: 'Bulk (hand cut)' } },
    checklist: preparationChecklist('en'),
  },
  fr: {
    title: 'Préparation',
    help: 'Décontaminez et dégraissez la peinture, masquez, puis découpez le film (kit prédécoupé ou rouleau au mètre).',
    fields: {
      cut: 'Découpe du film',
      'cut.method': 'Mode de découpe',
      'cut.kitId': 'Kit prédécoupé',
      'cut.lengthM': 'Longueur coupée sur le rouleau (m)',
      roll: 'Rouleau de film',
      'roll.sku': 'Film (référence)',
      'roll.lot': 'Rouleau / lot',
      'roll.receivedOn': 'Rouleau reçu le',
      ipaDilutionPct: 'Dilution de l’IPA (%)',
    },
    options: { 'cut.method': { kit: 'Kit prédécoupé', bulk: 'Au mètre (découpe à la main)' } },
    checklist: preparationChecklist('fr'),
  },
};

const INSTALLATION: Record<Locale, StepLabels> = {
  en: {
    title: 'Installation',
    help: 'Zone by zone: the film and roll used, the m² laid and wasted, the five checks, and a photo of each zone.',
    fields: {
      environment: 'Bay conditions',
      'environment.temperatureC': 'Temperature (°C)',
      'environment.humidityPct': 'Relative humidity (%)',
      zones: 'Zones',
      'zones.zone': 'Zone',
      'zones.film': 'Film (SKU)',
      'zones.lot': 'Roll / lot',
      'zones.areaM2': 'Film laid (m²)',
      'zones.wasteM2': 'Waste (m²)',
      'zones.installer': 'Installer',
      'zones.checks': 'Checks',
      'zones.checks.degreased': 'Degreased and dry',
      'zones.checks.slipSolution': 'Slip solution applied',
      'zones.checks.noBubbles': 'No bubbles or creases',
      'zones.checks.edgesHeated': 'Edges heated',
      'zones.checks.finalSqueegee': 'Final squeegee',
    },
    photos: zoneShots('en'),
  },
  fr: {
    title: 'Pose',
    help: 'Zone par zone : le film et le rouleau utilisés, les m² posés et les chutes, les cinq contrôles et une photo de chaque zone.',
    fields: {
      environment: 'Conditions de l’atelier',
      'environment.temperatureC': 'Température (°C)',
      'environment.humidityPct': 'Hygrométrie (%)',
      zones: 'Zones',
      'zones.zone': 'Zone',
      'zones.film': 'Film (référence)',
      'zones.lot': 'Rouleau / lot',
      'zones.areaM2': 'Film posé (m²)',
      'zones.wasteM2': 'Chutes (m²)',
      'zones.installer': 'Poseur',
      'zones.checks': 'Contrôles',
      'zones.checks.degreased': 'Dégraissé et sec',
      'zones.checks.slipSolution': 'Solution de pose appliquée',
      'zones.checks.noBubbles': 'Ni bulles ni plis',
      'zones.checks.edgesHeated': 'Bords chauffés',
      'zones.checks.finalSqueegee': 'Marouflage final',
    },
    photos: zoneShots('fr'),
  },
};

const FINALIZATION: Record<Locale, StepLabels> = {
  en: {
    title: 'Finalization',
    help: 'Quality check from about 1.5 m in normal light, the customer’s signature, aftercare, the follow-up visit and the warranty registration.',
    fields: {
      qc: 'Quality check',
      'qc.viewedFromM': 'Viewed from (m)',
      'qc.light': 'Light',
      'qc.findings': 'Findings',
      'qc.findings.zone': 'Zone',
      'qc.findings.finding': 'Finding',
      customer: 'Customer',
      'customer.name': 'Name',
      'customer.signature': 'Signature',
      'customer.satisfaction': 'Satisfaction (1–5)',
      aftercare: 'Aftercare',
      'aftercare.noWashDays': 'No washing for (days)',
      'aftercare.pressureWasherMinCm': 'Pressure washer distance, at least (cm)',
      'aftercare.instructionsGiven': 'Aftercare instructions given',
      followUpAt: 'Follow-up check',
      warranty: 'Warranty registration',
      'warranty.product': 'Film product',
      'warranty.vin': 'VIN',
      'warranty.coverageAreas': 'Areas covered',
      'warranty.installer': 'Installer',
      'warranty.years': 'Warranty (years)',
    },
    options: {
      'qc.light': { normal: 'Normal light', daylight: 'Daylight', inspection_lamp: 'Inspection lamp' },
      'qc.findings.finding': {
        none: 'Nothing to report',
        water_pocket: 'Small water pocket',
        tiny_debris: 'Tiny debris',
        edge_silvering: 'Slight edge silvering',
        lifted_edge: 'Lifted edge (rework)',
        air_bubble: 'Air bubble (rework)',
        visible_dirt: 'Visible dirt (rework)',
      },
    },
    checklist: {
      edges_checked: 'All edges checked',
      cleaned: 'Vehicle cleaned and masking removed',
      walkthrough: 'Walk-through with the customer',
    },
    photos: FINAL_PHOTOS.en,
  },
  fr: {
    title: 'Finalisation',
    help: 'Contrôle qualité à environ 1,5 m en lumière normale, signature du client, conseils d’entretien, rendez-vous de contrôle et enregistrement de la garantie.',
    fields: {
      qc: 'Contrôle qualité',
      'qc.viewedFromM': 'Observé à (m)',
      'qc.light': 'Éclairage',
      'qc.findings': 'Constats',
      'qc.findings.zone': 'Zone',
      'qc.findings.finding': 'Constat',
      customer: 'Client',
      'customer.name': 'Nom',
      'customer.signature': 'Signature',
      'customer.satisfaction': 'Satisfaction (1 à 5)',
      aftercare: 'Entretien',
      'aftercare.noWashDays': 'Pas de lavage pendant (jours)',
      'aftercare.pressureWasherMinCm': 'Distance minimale du nettoyeur haute pression (cm)',
      'aftercare.instructionsGiven': 'Conseils d’entretien remis',
      followUpAt: 'Rendez-vous de contrôle',
      warranty: 'Enregistrement de la garantie',
      'warranty.product': 'Film posé',
      'warranty.vin': 'Numéro de série (VIN)',
      'warranty.coverageAreas': 'Zones couvertes',
      'warranty.installer': 'Poseur',
      'warranty.years': 'Garantie (années)',
    },
    options: {
      'qc.light': {
        normal: 'Lumière normale',
        daylight: 'Lumière du jour',
        inspection_lamp: 'Lampe d’inspection',
      },
      'qc.findings.finding': {
        none: 'Rien à signaler',
        water_pocket: 'Petite poche d’eau',
        tiny_debris: 'Infime poussière',
        edge_silvering: 'Léger blanchiment des bords',
        lifted_edge: 'Bord décollé (à reprendre)',
        air_bubble: 'Bulle d’air (à reprendre)',
        visible_dirt: 'Saleté visible (à reprendre)',
      },
    },
    checklist: {
      edges_checked: 'Tous les bords contrôlés',
      cleaned: 'Véhicule nettoyé et masquage retiré',
      walkthrough: 'Tour du véhicule avec le client',
    },
    photos: FINAL_PHOTOS.fr,
  },
};

/**
 * The English and French labels of the PPF workflows: every step, field, choice, checklist item
 * and shot. The express variant has no preparation step and carries some prep items
 * (`installationChecklist`, ids of {@link PREPARATION_CHECKLIST}) on its installation step.
 *
 * @example
 * ```ts
 * defineWorkflow({ id: 'ppf-express', version: 1, title, machine, steps, labels: ppfLabels({ express: true, installationChecklist: ['wash'] }) });
 * ```
 */
export function ppfLabels(options: {
  express: boolean;
  installationChecklist?: readonly string[];
}): Record<Locale, WorkflowLabels> {
  const labels = (locale: Locale): WorkflowLabels => {
    const prep = preparationChecklist(locale);
    const checklist = Object.fromEntries(
      (options.installationChecklist ?? []).map((id) => [id, prep[id] ?? id]),
    );
    const express = locale === 'fr' ? 'PPF express (2 zones max.)' : 'PPF express (≤ 2 zones)';
    const full = locale === 'fr' ? 'Pose de film de protection (PPF)' : 'PPF installation';
    return {
      title: options.express ? express : full,
      steps: {
        inspection: INSPECTION[locale],
        ...(options.express ? {} : { preparation: PREPARATION[locale] }),
        installation: { ...INSTALLATION[locale], checklist },
        finalization: FINALIZATION[locale],
      },
    };
  };
  return { en: labels('en'), fr: labels('fr') };
}
