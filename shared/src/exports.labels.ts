import { EXPORT_COLUMNS, type RowStatus } from './aggregation/aggregation.types';
import type { Unit } from './catalogue.schema';
import type { Lang } from './error-messages';

/** The language of an export for people (`labels=fr|en`); null for the scripts' long format. */
export type ExportLabels = Lang | null;

/**
 * The columns of an export with labels, in order: each code (region, pole, scope, indicator,
 * slice) followed by its name; unit, period, status and complete written in the language.
 */
export const LABELLED_COLUMNS = [
  'region',
  'region_name',
  'pole',
  'pole_name',
  'scope',
  'scope_name',
  'indicator',
  'indicator_label',
  'unit',
  'period',
  'slice',
  'slice_label',
  'value',
  'status',
  'complete',
] as const;
export type LabelledColumn = (typeof LABELLED_COLUMNS)[number];

/** The column keys of an export: the long format's, or the labelled one's. */
export const exportColumns = (labels: ExportLabels): readonly string[] =>
  labels ? LABELLED_COLUMNS : EXPORT_COLUMNS;

/** The header of each labelled column, per language (French first). */
const HEADERS: Record<Lang, Record<LabelledColumn, string>> = {
  fr: {
    region: 'Code région',
    region_name: 'Région',
    pole: 'Identifiant du pôle',
    pole_name: 'Pôle',
    scope: 'Identifiant du périmètre',
    scope_name: 'Périmètre',
    indicator: 'Code indicateur',
    indicator_label: 'Indicateur',
    unit: 'Unité',
    period: 'Période',
    slice: 'Code ventilation',
    slice_label: 'Ventilation',
    value: 'Valeur',
    status: 'Statut',
    complete: 'Complet',
  },
  en: {
    region: 'Region code',
    region_name: 'Region',
    pole: 'Pole id',
    pole_name: 'Pole',
    scope: 'Scope id',
    scope_name: 'Scope',
    indicator: 'Indicator code',
    indicator_label: 'Indicator',
    unit: 'Unit',
    period: 'Period',
    slice: 'Breakdown code',
    slice_label: 'Breakdown',
    value: 'Value',
    status: 'Status',
    complete: 'Complete',
  },
};

/** The header row of a csv or csv-fr export: the keys themselves without labels. */
export const exportHeaders = (labels: ExportLabels): string[] =>
  labels ? LABELLED_COLUMNS.map((c) => HEADERS[labels][c]) : [...EXPORT_COLUMNS];

/** A row's status in words: the app's (web/src/app/messages.ts `status`), `Mixte` for mixed. */
export const STATUS_WORDS: Record<Lang, Record<RowStatus, string>> = {
  fr: { draft: 'Brouillon', submitted: 'Soumis', validated: 'Validé', mixed: 'Mixte' },
  en: { draft: 'Draft', submitted: 'Submitted', validated: 'Validated', mixed: 'Mixed' },
};

/** `complete` in words. */
export const YES_NO: Record<Lang, { yes: string; no: string }> = {
  fr: { yes: 'oui', no: 'non' },
  en: { yes: 'yes', no: 'no' },
};

/** A unit in words, as the screens name it (web/src/app/messages.ts `units`). */
export const UNIT_WORDS: Record<Lang, Record<Unit, string>> = {
  fr: {
    count: 'nombre',
    persons: 'personnes',
    fte: 'ETP',
    eur: '€',
    tonnes: 't',
    hours: 'h',
    percent: '%',
    mwh: 'MWh',
  },
  en: {
    count: 'number',
    persons: 'people',
    fte: 'FTE',
    eur: '€',
    tonnes: 't',
    hours: 'h',
    percent: '%',
    mwh: 'MWh',
  },
};
