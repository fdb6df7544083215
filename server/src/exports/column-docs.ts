/** What each export column holds, for the XLSX "Colonnes" sheet and the API document. */
export const COLUMN_DOCS = [
  { column: 'region', fr: 'Code de la région (vide au niveau national).', en: 'Region code.' },
  {
    column: 'pole',
    fr: 'Identifiant (slug) du pôle ; vide au niveau région.',
    en: 'Pole slug; empty at region level.',
  },
  {
    column: 'scope',
    fr: 'Périmètre : groupe de travail ou « pole » ; vide aux niveaux pôle et région.',
    en: 'Scope: a working group or "pole"; empty at pole and region level.',
  },
  {
    column: 'indicator',
    fr: 'Code stable de l’indicateur (voir /api/catalogue).',
    en: 'Stable indicator code (see /api/catalogue).',
  },
  {
    column: 'unit',
    fr: 'Unité : count, persons, fte, eur, tonnes, hours, percent, mwh.',
    en: 'Unit: count, persons, fte, eur, tonnes, hours, percent, mwh.',
  },
  {
    column: 'period',
    fr: 'Trimestre (2025Q2) ou année (2025).',
    en: 'Quarter (2025Q2) or year (2025).',
  },
  {
    column: 'slice',
    fr: 'Vide pour le total, sinon « dimension=membre » (ex. sex=femme).',
    en: 'Empty for the total, else "dimension=member" (e.g. sex=femme).',
  },
  {
    column: 'value',
    fr: 'Valeur agrégée : flux sommés, stocks au dernier trimestre, ratios recalculés (Σ numérateurs ÷ Σ dénominateurs, sur les trimestres où les deux sont saisis) ; arrondie aux décimales du catalogue, comme à l’écran.',
    en: 'Aggregated value: flows summed, stocks at the last quarter, ratios recomputed (Σ numerators ÷ Σ denominators, over the quarters where both were entered); rounded to the catalogue decimals, as on screen.',
  },
  {
    column: 'status',
    fr: 'État du trimestre : draft, submitted, validated, ou mixed s’ils diffèrent.',
    en: 'Quarter state: draft, submitted, validated, or mixed when they differ.',
  },
  {
    column: 'complete',
    fr: 'true quand chaque trimestre agrégé a été saisi par chaque périmètre qui suit l’indicateur.',
    en: 'true when every aggregated quarter was entered by every scope tracking the indicator.',
  },
] as const;
