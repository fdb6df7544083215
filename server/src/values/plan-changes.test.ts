import type { ValueEntry } from '@ptce/shared/values.schema';
import { describe, expect, it } from 'vitest';
import type { ValueRow } from '../db/database';
import { cellId, conflictUserIds, planChanges, withUserNames } from './plan-changes';

const NOW = new Date('2026-08-15T10:00:00.000Z');
const CTX = {
  poleId: 1,
  period: '2026Q3',
  groupOf: new Map([['pole', 7]]),
  userId: 42,
  now: NOW,
  lang: 'fr' as const,
};

/** A stored row of the pole scope's `PTCE-MEMBRES` total. */
function row(over: Partial<ValueRow> = {}): ValueRow {
  return {
    id: 1,
    pole_id: 1,
    group_id: 7,
    indicator_code: 'PTCE-MEMBRES',
    period: '2026Q3',
    slice: '',
    value: 10,
    comment: 'stored comment',
    override_reason: null,
    version: 3,
    updated_at: '2026-08-01T00:00:00.000Z',
    updated_by: 5,
    ...over,
  };
}

const entry = (over: Partial<ValueEntry> = {}): ValueEntry => ({
  scope: 'pole',
  indicator: 'PTCE-MEMBRES',
  value: 10,
  version: 3,
  ...over,
});

function plan(e: ValueEntry, stored: ValueRow | undefined) {
  const current = new Map(stored ? [[cellId('pole', 'PTCE-MEMBRES', ''), stored]] : []);
  return planChanges([e], current, CTX);
}

type Next = { value: number | null; comment: string | null; reason: string | null } | 'unchanged';

describe('planChanges', () => {
  it.each<[string, ValueEntry, ValueRow | undefined, Next]>([
    [
      'a new cell',
      entry({ version: 0, value: 4 }),
      undefined,
      { value: 4, comment: null, reason: null },
    ],
    ['the same value, no comment sent', entry(), row(), 'unchanged'],
    [
      'a comment left out keeps the stored one',
      entry({ value: 11 }),
      row(),
      { value: 11, comment: 'stored comment', reason: null },
    ],
    [
      'an empty comment drops it',
      entry({ comment: '' }),
      row(),
      { value: 10, comment: null, reason: null },
    ],
    [
      'a new comment',
      entry({ comment: 'new' }),
      row(),
      { value: 10, comment: 'new', reason: null },
    ],
    [
      'clearing drops comment and reason',
      entry({ value: null }),
      row({ override_reason: 'ok ok' }),
      { value: null, comment: null, reason: null },
    ],
    [
      'clearing a missing cell changes nothing',
      entry({ value: null, version: 0 }),
      undefined,
      'unchanged',
    ],
    [
      'a stored reason stays while the value does',
      entry({ comment: 'x' }),
      row({ override_reason: 'Bilan' }),
      { value: 10, comment: 'x', reason: 'Bilan' },
    ],
    [
      'a new value drops the stored reason',
      entry({ value: 12 }),
      row({ override_reason: 'Bilan' }),
      { value: 12, comment: 'stored comment', reason: null },
    ],
    [
      'a reason alone is a change',
      entry({ overrideReason: 'Bilan ASP' }),
      row(),
      { value: 10, comment: 'stored comment', reason: 'Bilan ASP' },
    ],
    [
      'version 0 re-enters a cleared cell',
      entry({ version: 0, value: 2 }),
      row({ value: null, comment: null }),
      { value: 2, comment: null, reason: null },
    ],
  ])('%s', (_name, e, stored, expected) => {
    const result = plan(e, stored);
    expect(result.conflicts).toEqual([]);
    if (expected === 'unchanged') {
      expect(result).toMatchObject({ changes: [], unchanged: 1 });
      return;
    }
    expect(result.unchanged).toBe(0);
    expect(result.changes).toEqual([
      {
        entryIndex: 0,
        row: stored,
        next: {
          pole_id: 1,
          group_id: 7,
          indicator_code: 'PTCE-MEMBRES',
          period: '2026Q3',
          slice: '',
          value: expected.value,
          comment: expected.comment,
          override_reason: expected.reason,
          version: (stored?.version ?? 0) + 1,
          updated_at: NOW.toISOString(),
          updated_by: 42,
        },
      },
    ]);
  });

  it.each<[string, ValueEntry, ValueRow | undefined]>([
    ['an older version', entry({ version: 2, value: 11 }), row()],
    ['no version on a stored value', entry({ version: undefined, value: 11 }), row()],
    ['a version on a missing cell', entry({ version: 1, value: 11 }), undefined],
  ])('refuses %s as a conflict listing the current value', (_name, e, stored) => {
    const result = plan(e, stored);
    expect(result.changes).toEqual([]);
    expect(result.conflicts).toEqual([
      {
        path: ['entries', 0, 'version'],
        code: 'stale_version',
        message: 'PTCE-MEMBRES a été modifié par quelqu’un d’autre.',
        scope: 'pole',
        indicator: 'PTCE-MEMBRES',
        slice: '',
        yourVersion: e.version ?? 0,
        current: stored
          ? {
              value: 10,
              comment: 'stored comment',
              version: 3,
              updatedAt: '2026-08-01T00:00:00.000Z',
              updatedBy: 5,
            }
          : null,
      },
    ]);
  });

  it('names the users of the conflicts', () => {
    const { conflicts } = planChanges(
      [entry({ version: 1 }), entry({ indicator: 'PTCE-EVENEMENTS', version: 2 })],
      new Map([[cellId('pole', 'PTCE-MEMBRES', ''), row()]]),
      { ...CTX, lang: 'en' },
    );
    expect(conflicts.map((c) => c.message)).toEqual([
      'PTCE-MEMBRES was changed by someone else.',
      'PTCE-EVENEMENTS was changed by someone else.',
    ]);
    expect(conflictUserIds(conflicts)).toEqual([5]);
    const named = withUserNames(conflicts, new Map([[5, 'Camille']]));
    expect(named.map((c) => (c.current as { updatedBy: string } | null)?.updatedBy)).toEqual([
      'Camille',
      undefined,
    ]);
  });
});
