import { describe, expect, it } from 'vitest';
import { allowedSlices, formatSlice, isAllowedSlice, parseSlice } from './slices';
import { catalogueFixture, indicatorOf, POLE_GROUP_SLUGS } from './test-fixtures/catalogue.fixture';

const DIMS = catalogueFixture.dimensions;

describe('parseSlice and formatSlice', () => {
  it.each([
    ['', null],
    ['sex=femme', { dimension: 'sex', member: 'femme' }],
    ['siae_type=ACI', { dimension: 'siae_type', member: 'ACI' }],
    ['working_group=mobilite-sociale', { dimension: 'working_group', member: 'mobilite-sociale' }],
  ])('%j ⇄ %j', (slice, parts) => {
    expect(parseSlice(slice)).toEqual(parts);
    expect(formatSlice(parts)).toBe(slice);
  });

  it.each([
    ['sex'],
    ['sex='],
    ['=femme'],
    ['Sex=femme'],
    ['sex=femme=x'],
    [' sex=femme'],
    ['sex=-a'],
  ])('parseSlice refuses %j', (slice) => {
    expect(() => parseSlice(slice)).toThrow(RangeError);
  });

  it('formatSlice refuses invalid codes', () => {
    expect(() => formatSlice({ dimension: 'Sex', member: 'femme' })).toThrow(RangeError);
    expect(() => formatSlice({ dimension: 'sex', member: '' })).toThrow(RangeError);
  });
});

describe('allowedSlices', () => {
  it('lists the total then every member of each breakdown', () => {
    expect(allowedSlices(indicatorOf('DS-FILE-ACTIVE'), DIMS, POLE_GROUP_SLUGS)).toEqual([
      '',
      'sex=femme',
      'sex=homme',
      'sex=non_renseigne',
    ]);
  });

  it('adds the pole groups to a poleGroups dimension', () => {
    expect(allowedSlices(indicatorOf('PTCE-REUNIONS'), DIMS, ['a', 'b', 'transversal'])).toEqual([
      '',
      'working_group=a',
      'working_group=b',
      'working_group=transversal',
      'working_group=non_renseigne',
    ]);
  });

  it.each([
    ['PTCE-EVENEMENTS', 1],
    ['PTCE-PART-FIN-PUBLICS', 1],
    ['DS-ENTREES-ACCOMPAGNEMENT', 1 + 3 + 3],
    ['PTCE-EMPLOIS-CREES', 1 + 5 + 3],
    ['MS-SORTIES', 1 + 3 + 6],
  ])('%s has %i slices', (code, count) => {
    expect(allowedSlices(indicatorOf(code), DIMS, POLE_GROUP_SLUGS)).toHaveLength(count);
  });

  it('ignores a breakdown the dimensions do not define', () => {
    const indicator = { ...indicatorOf('DS-FILE-ACTIVE'), breakdowns: ['sex', 'unknown'] };
    expect(allowedSlices(indicator, DIMS, [])).toHaveLength(4);
  });
});

describe('isAllowedSlice', () => {
  it.each([
    ['DS-FILE-ACTIVE', '', true],
    ['DS-FILE-ACTIVE', 'sex=femme', true],
    ['DS-FILE-ACTIVE', 'sex=autre', false],
    ['DS-FILE-ACTIVE', 'residence=qpv', false],
    ['DS-FILE-ACTIVE', 'garbage', false],
    ['PTCE-REUNIONS', 'working_group=mobilite-sociale', true],
    ['PTCE-REUNIONS', 'working_group=transversal', true],
    ['PTCE-REUNIONS', 'working_group=autre-groupe', false],
    ['PTCE-PART-FIN-PUBLICS', 'sex=femme', false],
  ])('%s %j → %s', (code, slice, expected) => {
    expect(isAllowedSlice(indicatorOf(code), DIMS, POLE_GROUP_SLUGS, slice)).toBe(expected);
  });

  it('agrees with allowedSlices on every fixture indicator', () => {
    for (const indicator of catalogueFixture.indicators) {
      for (const slice of allowedSlices(indicator, DIMS, POLE_GROUP_SLUGS)) {
        expect(isAllowedSlice(indicator, DIMS, POLE_GROUP_SLUGS, slice)).toBe(true);
      }
    }
  });
});
