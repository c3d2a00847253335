import type { WorkflowLabels } from '@rpma/engine';

const FINAL_PHOTOS = {
  en: { 'final-front': 'Finished car, front', 'final-rear': 'Finished car, rear' },
  fr: { 'final-front': 'Véhicule terminé, avant', 'final-rear': 'Véhicule terminé, arrière' },
};

/**
 * The English and French labels of the ceramic coating workflow: every step, field, choice,
 * checklist item and shot.
 *
 * @example
 * ```ts
 * defineWorkflow({ id: 'ceramic', version: 1, title: 'Ceramic coating', machine, steps, labels: CERAMIC_LABELS });
 * ```
 */
export const CERAMIC_LABELS: Readonly<Record<'en' | 'fr', WorkflowLabels>> = {
  en: {
    title: 'Ceramic coating',
    steps: {
      preparation: {
        title: 'Preparation',
        help: 'Strip wash, iron and tar removers, clay, then paint correction: record the paint thickness before and after on each panel (removing more than ~7.6 µm of clear coat needs someone to accept the risk).',
        fields: {
          correction: 'Paint correction',
          panels: 'Panels',
          'panels.panel': 'Panel',
          'panels.pad': 'Pad',
          'panels.polish': 'Polish',
          'panels.beforeUm': 'Thickness before (µm)',
          'panels.afterUm': 'Thickness after (µm)',
          riskAcceptedBy: 'Clear-coat risk accepted by',
        },
        options: {
          correction: {
            none: 'None',
            one_step: 'One step (enhancement)',
            two_step: 'Two steps',
            three_step: 'Three steps',
          },
        },
        checklist: {
          strip_wash: 'Strip wash',
          iron_remover: 'Iron remover',
          tar_remover: 'Tar remover',
          clay: 'Clay',
          panel_wipe: 'Panel wipe',
        },
        photos: { 'after-correction': 'After correction' },
      },
      application: {
        title: 'Application',
        help: 'Check the bay against the product’s window, then record each panel and layer with its flash time and the high-spot check.',
        fields: {
          product: 'Coating (SKU)',
          bottleLot: 'Bottle lot',
          environment: 'Bay conditions',
          'environment.temperatureC': 'Ambient temperature (°C)',
          'environment.humidityPct': 'Relative humidity (%)',
          'environment.surfaceTempC': 'Surface temperature (°C)',
          layers: 'Layers',
          'layers.panel': 'Panel',
          'layers.layer': 'Layer',
          'layers.flashSeconds': 'Flash time (s)',
          'layers.highSpotCheck': 'High spots checked',
          mlUsed: 'Product used (ml)',
          cureMethod: 'Cure method',
          overFilm: 'Applied over self-healing film',
        },
        options: { cureMethod: { ambient: 'Ambient', ir: 'IR lamps' } },
        checklist: { gloves: 'Nitrile gloves and respirator', lights: 'Inspection lights set up' },
      },
      curing: {
        title: 'Curing',
        help: 'The vehicle stays dry and indoors until the product’s minimum cure time; it cannot be released earlier.',
        fields: {
          method: 'Cure method',
          lamps: 'IR lamp sessions',
          'lamps.panel': 'Panel',
          'lamps.surfaceTempC': 'Surface temperature (°C)',
          'lamps.minutes': 'Duration (min)',
          keptDryHours: 'Kept dry (hours)',
        },
        options: { method: { ambient: 'Ambient', ir: 'IR lamps' } },
        checklist: { kept_dry: 'Vehicle kept dry and indoors' },
      },
      finalization: {
        title: 'Finalization',
        help: 'Quality check, aftercare, warranty registration before the maker’s deadline and the maintenance visits that keep it valid.',
        fields: {
          qc: 'Quality check',
          'qc.passed': 'Quality check passed',
          'qc.notes': 'Notes',
          aftercare: 'Aftercare',
          'aftercare.handWashOnly': 'Hand wash only',
          'aftercare.noWashDays': 'No washing for (days)',
          warranty: 'Warranty',
          'warranty.registrationDeadline': 'Register by',
          'warranty.years': 'Warranty (years)',
          maintenance: 'Maintenance',
          'maintenance.intervalMonths': 'Visit every (months)',
          'maintenance.firstVisitAt': 'First visit',
        },
        checklist: {
          qc_lights: 'QC under inspection lights',
          aftercare_explained: 'Aftercare explained to the customer',
        },
        photos: FINAL_PHOTOS.en,
      },
    },
  },
  fr: {
    title: 'Traitement céramique',
    steps: {
      preparation: {
        title: 'Préparation',
        help: 'Lavage décapant, décontamination fer et goudron, barre d’argile, puis correction du vernis : relevez l’épaisseur de peinture avant et après sur chaque élément (retirer plus de ~7,6 µm de vernis exige qu’une personne accepte le risque).',
        fields: {
          correction: 'Correction du vernis',
          panels: 'Éléments',
          'panels.panel': 'Élément',
          'panels.pad': 'Mousse',
          'panels.polish': 'Polish',
          'panels.beforeUm': 'Épaisseur avant (µm)',
          'panels.afterUm': 'Épaisseur après (µm)',
          riskAcceptedBy: 'Risque sur le vernis accepté par',
        },
        options: {
          correction: {
            none: 'Aucune',
            one_step: 'Une passe (lustrage)',
            two_step: 'Deux passes',
            three_step: 'Trois passes',
          },
        },
        checklist: {
          strip_wash: 'Lavage décapant',
          iron_remover: 'Décontaminant ferreux',
          tar_remover: 'Dégoudronnant',
          clay: 'Barre d’argile (clay)',
          panel_wipe: 'Dégraissage des éléments (panel wipe)',
        },
        photos: { 'after-correction': 'Après correction' },
      },
      application: {
        title: 'Application',
        help: 'Vérifiez les conditions de l’atelier par rapport à la fenêtre du produit, puis notez chaque élément et chaque couche avec son temps d’évaporation et le contrôle des surépaisseurs.',
        fields: {
          product: 'Revêtement (référence)',
          bottleLot: 'Lot du flacon',
          environment: 'Conditions de l’atelier',
          'environment.temperatureC': 'Température ambiante (°C)',
          'environment.humidityPct': 'Hygrométrie (%)',
          'environment.surfaceTempC': 'Température de surface (°C)',
          layers: 'Couches',
          'layers.panel': 'Élément',
          'layers.layer': 'Couche',
          'layers.flashSeconds': 'Temps d’évaporation (s)',
          'layers.highSpotCheck': 'Surépaisseurs contrôlées',
          mlUsed: 'Produit utilisé (ml)',
          cureMethod: 'Mode de séchage',
          overFilm: 'Appliqué sur film autocicatrisant',
        },
        options: { cureMethod: { ambient: 'À l’air ambiant', ir: 'Lampes infrarouges' } },
        checklist: {
          gloves: 'Gants nitrile et masque respiratoire',
          lights: 'Éclairage d’inspection installé',
        },
      },
      curing: {
        title: 'Séchage',
        help: 'Le véhicule reste au sec et à l’intérieur jusqu’au temps de séchage minimal du produit ; il ne peut pas être rendu avant.',
        fields: {
          method: 'Mode de séchage',
          lamps: 'Passages aux lampes infrarouges',
          'lamps.panel': 'Élément',
          'lamps.surfaceTempC': 'Température de surface (°C)',
          'lamps.minutes': 'Durée (min)',
          keptDryHours: 'Maintenu au sec (heures)',
        },
        options: { method: { ambient: 'À l’air ambiant', ir: 'Lampes infrarouges' } },
        checklist: { kept_dry: 'Véhicule maintenu au sec et à l’intérieur' },
      },
      finalization: {
        title: 'Finalisation',
        help: 'Contrôle qualité, conseils d’entretien, enregistrement de la garantie avant la date limite du fabricant et visites d’entretien qui la maintiennent.',
        fields: {
          qc: 'Contrôle qualité',
          'qc.passed': 'Contrôle qualité validé',
          'qc.notes': 'Remarques',
          aftercare: 'Entretien',
          'aftercare.handWashOnly': 'Lavage à la main uniquement',
          'aftercare.noWashDays': 'Pas de lavage pendant (jours)',
          warranty: 'Garantie',
          'warranty.registrationDeadline': 'À enregistrer avant le',
          'warranty.years': 'Garantie (années)',
          maintenance: 'Entretien périodique',
          'maintenance.intervalMonths': 'Visite tous les (mois)',
          'maintenance.firstVisitAt': 'Première visite',
        },
        checklist: {
          qc_lights: 'Contrôle sous éclairage d’inspection',
          aftercare_explained: 'Conseils d’entretien expliqués au client',
        },
        photos: FINAL_PHOTOS.fr,
      },
    },
  },
};
