import type { Catalogue, Dimension, Indicator, Kind, RatioTerm, Unit } from '../catalogue.schema';

/** The demo pole's working groups, members of the `working_group` dimension. */
export const POLE_GROUP_SLUGS = [
  'transition-ecologique',
  'developpement-social',
  'mobilite-sociale',
];

const MEMBER_LABELS: Record<string, [string, string]> = {
  femme: ['Femme', 'Woman'],
  homme: ['Homme', 'Man'],
  non_renseigne: ['Non renseigné', 'Not specified'],
  qpv: ['QPV', 'Priority area'],
  hors_qpv: ['Hors QPV', 'Outside priority areas'],
};

function dim(code: string, fr: string, en: string, members: string, poleGroups = false): Dimension {
  return {
    code,
    labelFr: fr,
    labelEn: en,
    poleGroups,
    members: members.split(' ').map((m) => {
      const [labelFr, labelEn] = MEMBER_LABELS[m] ?? [m, m];
      return { code: m, labelFr, labelEn };
    }),
  };
}

const DECIMALS: Record<Unit, number> = {
  count: 0,
  persons: 0,
  fte: 1,
  tonnes: 1,
  mwh: 1,
  hours: 0,
  eur: 2,
  percent: 1,
};

/** `CODE` or `CODE[dim=member]` → a ratio term. */
function term(spec: string): RatioTerm {
  const match = /^([^[]+)(?:\[(.+)\])?$/.exec(spec);
  return { indicator: match?.[1] ?? spec, slice: match?.[2] ?? null };
}

type Row = [
  code: string,
  theme: string,
  fr: string,
  en: string,
  unit: Unit,
  kind: Kind,
  dims: string,
];

function ind([code, theme, fr, en, unit, kind, dims]: Row, ratio?: [string, string]): Indicator {
  return {
    code,
    theme,
    labelFr: fr,
    labelEn: en,
    definitionFr: '',
    definitionEn: '',
    unit,
    kind,
    decimals: DECIMALS[unit],
    breakdowns: dims ? dims.split(' ') : [],
    numerator: ratio ? ratio[0].split(' ').map(term) : null,
    denominator: ratio ? ratio[1].split(' ').map(term) : null,
    scale: unit === 'percent' ? 100 : 1,
    min: kind === 'ratio' ? null : 0,
    max: code === 'PTCE-MEMBRES' ? 1000 : null,
    grounding: 'proposal',
  };
}

const P = 'ptce';
const TE = 'transition_ecologique';
const DS = 'developpement_social';
const MS = 'mobilite_sociale';

// biome-ignore format: one indicator per line reads like the reference table
const ROWS: Row[] = [
  ['PTCE-MEMBRES', P, 'Structures membres du pôle', 'Member organisations', 'count', 'stock', 'member_type'],
  ['PTCE-MEMBRES-ENTREES', P, 'Nouveaux membres', 'New members', 'count', 'flow', 'member_type'],
  ['PTCE-MEMBRES-SORTIES', P, 'Membres sortis', 'Members who left', 'count', 'flow', 'member_type'],
  ['PTCE-REUNIONS', P, 'Réunions', 'Meetings', 'count', 'flow', 'working_group'],
  ['PTCE-PARTICIPATIONS-REUNIONS', P, 'Participations aux réunions', 'Meeting attendances', 'persons', 'flow', 'member_type working_group'],
  ['PTCE-EVENEMENTS', P, 'Événements organisés', 'Events held', 'count', 'flow', ''],
  ['PTCE-PARTICIPANTS-EVENEMENTS', P, 'Participants aux événements', 'Event participants', 'persons', 'flow', 'member_type'],
  ['PTCE-EMPLOIS-MEMBRES', P, 'Emplois des structures membres', 'Jobs in member organisations', 'fte', 'stock', 'member_type'],
  ['PTCE-EMPLOIS-CREES', P, 'Emplois créés', 'Jobs created', 'fte', 'flow', 'working_group sex'],
  ['PTCE-RESSOURCES-TOTALES', P, 'Ressources totales du pôle', 'Total resources', 'eur', 'flow', ''],
  ['PTCE-FIN-PUBLICS', P, 'Financements publics obtenus', 'Public funding', 'eur', 'flow', 'funder_type'],
  ['PTCE-FIN-PRIVES', P, 'Financements privés obtenus', 'Private funding', 'eur', 'flow', 'funder_type'],
  ['TE-DECHETS-COLLECTES', TE, 'Tonnes collectées', 'Tonnes collected', 'tonnes', 'flow', 'waste_stream'],
  ['TE-DECHETS-REEMPLOI', TE, 'Tonnes réemployées', 'Tonnes reused', 'tonnes', 'flow', 'waste_stream'],
  ['TE-DECHETS-RECYCLES', TE, 'Tonnes recyclées', 'Tonnes recycled', 'tonnes', 'flow', 'waste_stream'],
  ['TE-SENSIBILISATION-ACTIONS', TE, 'Actions de sensibilisation', 'Awareness actions', 'count', 'flow', ''],
  ['TE-SENSIBILISATION-PERSONNES', TE, 'Personnes sensibilisées', 'People reached', 'persons', 'flow', ''],
  ['DS-ENTREES-ACCOMPAGNEMENT', DS, 'Personnes entrées en accompagnement', 'People entering support', 'persons', 'flow', 'sex residence'],
  ['DS-FILE-ACTIVE', DS, 'File active accompagnée', 'Active caseload', 'persons', 'stock', 'sex'],
  ['DS-ACTIONS-COLLECTIVES', DS, 'Actions collectives', 'Group activities', 'count', 'flow', ''],
  ['DS-PARTICIPATIONS-ACTIONS', DS, 'Participations aux actions collectives', 'Group activity attendances', 'persons', 'flow', 'sex'],
  ['DS-HEURES-BENEVOLAT', DS, 'Heures de bénévolat', 'Volunteer hours', 'hours', 'flow', 'sex'],
  ['MS-SALARIES-PARCOURS', MS, 'Salariés en parcours d’insertion', 'Employees in pathways', 'persons', 'stock', 'sex siae_type'],
  ['MS-ENTREES-PARCOURS', MS, 'Entrées en parcours IAE', 'Pathway entries', 'persons', 'flow', 'sex siae_type'],
  ['MS-HEURES-INSERTION', MS, 'Heures travaillées en insertion', 'Hours worked in pathways', 'hours', 'flow', 'siae_type'],
  ['MS-SORTIES', MS, 'Sorties de parcours', 'Pathway exits', 'persons', 'flow', 'sex siae_type'],
  ['MS-SORTIES-EMPLOI-DURABLE', MS, 'Sorties vers l’emploi durable', 'Exits to lasting jobs', 'persons', 'flow', 'sex'],
  ['MS-SORTIES-EMPLOI-TRANSITION', MS, 'Sorties vers un emploi de transition', 'Exits to transition jobs', 'persons', 'flow', 'sex'],
  ['MS-SORTIES-POSITIVES', MS, 'Sorties positives', 'Positive exits', 'persons', 'flow', 'sex'],
  ['MS-CLAUSES-HEURES', MS, 'Heures d’insertion sous clause sociale', 'Social-clause hours', 'hours', 'flow', ''],
];

// biome-ignore format: one ratio per line
const RATIOS: Array<[Row, [string, string]]> = [
  [['PTCE-PART-FIN-PUBLICS', P, 'Part des financements publics', 'Share of public funding', 'percent', 'ratio', ''], ['PTCE-FIN-PUBLICS', 'PTCE-RESSOURCES-TOTALES']],
  [['TE-TAUX-VALORISATION', TE, 'Taux de valorisation', 'Recovery rate', 'percent', 'ratio', ''], ['TE-DECHETS-REEMPLOI TE-DECHETS-RECYCLES', 'TE-DECHETS-COLLECTES']],
  [['DS-PART-QPV', DS, 'Part des personnes résidant en QPV', 'Share living in priority areas', 'percent', 'ratio', ''], ['DS-ENTREES-ACCOMPAGNEMENT[residence=qpv]', 'DS-ENTREES-ACCOMPAGNEMENT']],
  [['MS-TAUX-SORTIES-DYNAMIQUES', MS, 'Taux de sorties dynamiques', 'Dynamic exit rate', 'percent', 'ratio', ''], ['MS-SORTIES-EMPLOI-DURABLE MS-SORTIES-EMPLOI-TRANSITION MS-SORTIES-POSITIVES', 'MS-SORTIES']],
];

/** A compact catalogue copied from `reference/indicators.reference.json` for unit tests. */
export const catalogueFixture: Catalogue = {
  version: 'test-1',
  // biome-ignore format: one dimension per line
  dimensions: [
    dim('sex', 'Sexe', 'Sex', 'femme homme non_renseigne'),
    dim('residence', 'Résidence', 'Residence', 'qpv hors_qpv non_renseigne'),
    dim('member_type', 'Type de membre', 'Member type', 'entreprise_ess entreprise_hors_ess collectivite recherche_enseignement_formation autre non_renseigne'),
    dim('working_group', 'Groupe de travail', 'Working group', 'transversal non_renseigne', true),
    dim('funder_type', 'Type de financeur', 'Funder type', 'etat region departement epci_commune europe fondation entreprise financeur_solidaire autre non_renseigne'),
    dim('waste_stream', 'Flux de déchets', 'Waste stream', 'mobilier deee textiles autres non_renseigne'),
    dim('siae_type', 'Type de SIAE', 'SIAE type', 'ACI AI EI ETTI EITI non_renseigne'),
  ],
  indicators: [...ROWS.map((row) => ind(row)), ...RATIOS.map(([row, parts]) => ind(row, parts))],
};

/** The fixture's indicator with this code. @throws Error when absent. */
export function indicatorOf(code: string): Indicator {
  const found = catalogueFixture.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code} in the fixture`);
  return found;
}
