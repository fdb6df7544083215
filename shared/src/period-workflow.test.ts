import { describe, expect, it } from 'vitest';
import { actionsFrom, mayTake, nextStatus, quarterTakesValues } from './period-workflow';
import type { PeriodAction, PeriodStatus } from './periods.schema';
import type { Role } from './session.schema';

describe('nextStatus', () => {
  it.each<[PeriodAction, PeriodStatus, PeriodStatus | null]>([
    ['submit', 'draft', 'submitted'],
    ['submit', 'submitted', null],
    ['submit', 'validated', null],
    ['validate', 'draft', null],
    ['validate', 'submitted', 'validated'],
    ['validate', 'validated', null],
    ['reopen', 'draft', null],
    ['reopen', 'submitted', 'draft'],
    ['reopen', 'validated', 'draft'],
  ])('%s from %s → %s', (action, from, to) => {
    expect(nextStatus(action, from)).toBe(to);
  });
});

describe('mayTake', () => {
  it.each<[PeriodAction, Role[], boolean]>([
    ['submit', ['coordinator'], true],
    ['submit', ['board'], false],
    ['submit', ['cress'], false],
    ['submit', ['admin'], false],
    ['validate', ['cress'], true],
    ['validate', ['admin'], false],
    ['validate', ['coordinator', 'board'], false],
    ['reopen', ['cress'], true],
    ['reopen', ['admin'], true],
    ['reopen', ['coordinator'], false],
    ['reopen', [], false],
  ])('%s by %j: %s', (action, roles, allowed) => {
    expect(mayTake(action, new Set(roles))).toBe(allowed);
  });
});

describe('actionsFrom', () => {
  it.each<[PeriodStatus, PeriodAction[]]>([
    ['draft', ['submit']],
    ['submitted', ['validate', 'reopen']],
    ['validated', ['reopen']],
  ])('%s: %j', (status, actions) => {
    expect(actionsFrom(status)).toEqual(actions);
  });
});

describe('quarterTakesValues', () => {
  const now = new Date('2026-11-29T10:00:00Z');
  it.each([
    ['2026Q4', 'draft', 'open'],
    ['2026Q3', 'draft', 'open'],
    ['2026Q3', 'submitted', 'locked'],
    ['2026Q2', 'validated', 'locked'],
    ['2027Q1', 'draft', 'future'],
  ] as const)('%s %s → %s', (period, status, expected) => {
    expect(quarterTakesValues(period, status, now)).toBe(expected);
  });
});
