import { EXPORT_COLUMNS } from '@ptce/shared/aggregation/aggregation.types';
import type { Lang } from '@ptce/shared/error-messages';
import {
  type ExportLabels,
  exportHeaders,
  LABELLED_COLUMNS,
  type LabelledColumn,
} from '@ptce/shared/exports.labels';

type Doc = { fr: string; en: string };

/** What each column of the long format (no labels) holds. */
const CODE_DOCS: Record<LabelledColumn, Doc> = {
  region: { fr: 'Code de la région (vide au niveau national).', en: 'Region code.' },
  region_name: { fr: 'Nom de la région.', en: 'Region name.' },
  pole: {
    fr: 'Identifiant (slug) du pôle ; vide au niveau région.',
    en: 'Pole slug; empty at region level.',
  },
  pole_name: {
    fr: 'Nom du pôle ; vide au niveau région.',
    en: 'Pole name; empty at region level.',
  },
  scope: {
    fr: 'Périmètre : groupe de travail ou « pole » ; vide aux niveaux pôle et région.',
    en: 'Scope: a working group or "pole"; empty at pole and region level.',
  },
  scope_name: {
    fr: 'Nom du périmètre (groupe de travail ou pôle) ; vide aux niveaux pôle et région.',
    en: 'Scope name (working group or pole); empty at pole and region level.',
  },
  indicator: {
    fr: 'Code stable de l’indicateur (voir /api/catalogue).',
    en: 'Stable indicator code (see /api/catalogue).',
  },
  indicator_label: {
    fr: 'Libellé de l’indicateur (catalogue).',
    en: 'Indicator label (catalogue).',
  },
  unit: {
    fr: 'Unité : count, persons, fte, eur, tonnes, hours, percent, mwh.',
    en: 'Unit: count, persons, fte, eur, tonnes, hours, percent, mwh.',
  },
  period: {
    fr: 'Trimestre (2025Q2) ou année (2025).',
    en: 'Quarter (2025Q2) or year (2025).',
  },
  slice: {
    fr: 'Vide pour le total, sinon « dimension=membre » (ex. sex=femme).',
    en: 'Empty for the total, else "dimension=member" (e.g. sex=femme).',
  },
  slice_label: {
    fr: 'Vide pour le total, sinon la ventilation en clair (ex. Sexe : Femme).',
    en: 'Empty for the total, else the breakdown in words (e.g. Sex: Female).',
  },
  value: {
    fr: 'Valeur agrégée : flux sommés, stocks au dernier trimestre, ratios recalculés (Σ numérateurs ÷ Σ dénominateurs, sur les trimestres où les deux sont saisis) ; arrondie aux décimales du catalogue, comme à l’écran.',
    en: 'Aggregated value: flows summed, stocks at the last quarter, ratios recomputed (Σ numerators ÷ Σ denominators, over the quarters where both were entered); rounded to the catalogue decimals, as on screen.',
  },
  status: {
    fr: 'État du trimestre : draft, submitted, validated, ou mixed s’ils diffèrent.',
    en: 'Quarter state: draft, submitted, validated, or mixed when they differ.',
  },
  complete: {
    fr: 'true quand chaque trimestre agrégé a été saisi par chaque périmètre qui suit l’indicateur.',
    en: 'true when every aggregated quarter was entered by every scope tracking the indicator.',
  },
};

/** The columns whose content an export with labels writes in words. */
const WORDS_DOCS: Partial<Record<LabelledColumn, Doc>> = {
  unit: {
    fr: 'Unité : nombre, personnes, ETP, €, t, h, %, MWh.',
    en: 'Unit: number, people, FTE, €, t, h, %, MWh.',
  },
  period: { fr: 'Trimestre (T2 2025) ou année (2025).', en: 'Quarter (Q2 2025) or year (2025).' },
  status: {
    fr: 'État du trimestre : Brouillon, Soumis, Validé, ou Mixte s’ils diffèrent.',
    en: 'Quarter state: Draft, Submitted, Validated, or Mixed when they differ.',
  },
  complete: {
    fr: 'oui quand chaque trimestre agrégé a été saisi par chaque périmètre qui suit l’indicateur, sinon non.',
    en: 'yes when every aggregated quarter was entered by every scope tracking the indicator, else no.',
  },
};

/**
 * The XLSX "Colonnes" sheet: one line per column of the data sheet, named exactly as its header
 * (`headers`), described in French and English without labels, in the labels' language with.
 */
export function columnDocs(
  labels: ExportLabels,
  headers: readonly string[],
): { head: string[]; rows: string[][] } {
  if (!labels)
    return {
      head: ['colonne', 'description', 'description (en)'],
      rows: EXPORT_COLUMNS.map((c, i) => [headers[i]!, CODE_DOCS[c].fr, CODE_DOCS[c].en]),
    };
  const lang: Lang = labels;
  return {
    head: lang === 'fr' ? ['Colonne', 'Description'] : ['Column', 'Description'],
    rows: LABELLED_COLUMNS.map((c, i) => [headers[i]!, (WORDS_DOCS[c] ?? CODE_DOCS[c])[lang]]),
  };
}

/** The header row of the XLSX data sheet: the CSV's, with `value [unit]` in the long format. */
export const xlsxHeaders = (labels: ExportLabels): string[] =>
  exportHeaders(labels).map((h) => (!labels && h === 'value' ? 'value [unit]' : h));
