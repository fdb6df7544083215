import { NarrativeConflictIssueSchema } from '@ptce/shared/narrative.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
const cookies: Record<string, string> = {};
const EMAILS = [
  'coord@hc.test',
  'board@hc.test',
  'cress@hdf.test',
  'cress@occ.test',
  'admin@test.test',
  'coord@littoral.test',
] as const;
type Who = (typeof EMAILS)[number];

beforeAll(async () => {
  t = await createTestInstance();
  for (const email of EMAILS) cookies[email] = await login(t, email);
});
afterAll(async () => {
  await t.close();
});

const HC = '/api/poles/henin-carvin';
const url = (period: string) => `${HC}/periods/${period}/narrative`;
const get = (period: string, who: Who = 'coord@hc.test') =>
  call(t, 'GET', url(period), { cookie: cookies[who] });
const put = (period: string, body: unknown, who: Who = 'coord@hc.test') =>
  call(t, 'PUT', url(period), { body, cookie: cookies[who] });
const history = (period: string, query = '', who: Who = 'coord@hc.test') =>
  call(t, 'GET', `${url(period)}/history${query}`, { cookie: cookies[who] });
const historyRows = (period: string) =>
  t.db
    .selectFrom('narrative_history')
    .select(['old_text', 'new_text', 'version'])
    .where('period', '=', period)
    .orderBy('id')
    .execute();

describe('GET/PUT /api/poles/{pole}/periods/{period}/narrative', () => {
  it('answers an empty narrative, saves one and reads it back with its author', async () => {
    expect((await get('2026Q1')).json).toEqual({
      pole: 'henin-carvin',
      period: '2026Q1',
      text: '',
      scopes: {},
      version: 0,
      updatedAt: null,
      updatedBy: null,
    });
    const saved = await put('2026Q1', {
      text: 'Forum de l’emploi à Carvin.\n\nDeux nouveaux membres.',
      scopes: { 'transition-ecologique': 'Nouvelle benne à Hénin.' },
    });
    expect(saved.status).toBe(200);
    const expected = {
      pole: 'henin-carvin',
      period: '2026Q1',
      text: 'Forum de l’emploi à Carvin.\n\nDeux nouveaux membres.',
      scopes: { 'transition-ecologique': 'Nouvelle benne à Hénin.' },
      version: 1,
      updatedAt: '2026-11-29T10:00:00.000Z',
      updatedBy: 'coord',
    };
    expect(saved.json).toEqual(expected);
    for (const who of [
      'coord@hc.test',
      'board@hc.test',
      'cress@hdf.test',
      'admin@test.test',
    ] as const)
      expect([who, (await get('2026Q1', who)).json]).toEqual([who, expected]);
  });

  it('keeps the scopes a save does not list, clears with empty texts, writes nothing unchanged', async () => {
    await put('2025Q4', {
      text: 'Pôle',
      scopes: { 'transition-ecologique': 'TE', 'mobilite-sociale': 'MS' },
    });
    const next = await put('2025Q4', {
      text: 'Pôle',
      scopes: { 'mobilite-sociale': 'MS revu' },
      version: 1,
    });
    expect([next.status, next.json.scopes, next.json.version]).toEqual([
      200,
      { 'transition-ecologique': 'TE', 'mobilite-sociale': 'MS revu' },
      2,
    ]);
    const same = await put('2025Q4', { text: 'Pôle', version: 2 });
    expect([same.status, same.json.version]).toEqual([200, 2]);
    const cleared = await put('2025Q4', {
      text: '   ',
      scopes: { 'transition-ecologique': '' },
      version: 2,
    });
    expect([cleared.json.text, cleared.json.scopes, cleared.json.version]).toEqual([
      '',
      { 'mobilite-sociale': 'MS revu' },
      3,
    ]);
    expect(await historyRows('2025Q4')).toEqual([
      { old_text: '', new_text: 'Pôle', version: 1 },
      { old_text: '', new_text: 'TE', version: 1 },
      { old_text: '', new_text: 'MS', version: 1 },
      { old_text: 'MS', new_text: 'MS revu', version: 2 },
      { old_text: 'Pôle', new_text: '', version: 3 },
      { old_text: 'TE', new_text: '', version: 3 },
    ]);
  });

  it('answers 409 with the stored narrative on a stale or missing version, writing nothing', async () => {
    await put('2025Q3', { text: 'Première version' });
    const board = await put('2025Q3', { text: 'Seconde', version: 1 });
    expect(board.status).toBe(200);
    for (const version of [1, 0, undefined]) {
      const stale = await put('2025Q3', { text: 'Écrasement', version });
      expect([stale.status, stale.json.error.code]).toEqual([409, 'CONFLICT']);
      const [issue] = stale.json.error.issues;
      expect(NarrativeConflictIssueSchema.parse(issue)).toEqual(issue);
      expect(issue).toMatchObject({
        path: ['version'],
        code: 'stale_narrative',
        yourVersion: version ?? 0,
        current: { text: 'Seconde', version: 2, updatedBy: 'coord' },
      });
      expect(stale.json.error.message).toMatch(/modifiés par quelqu’un d’autre \(version 2\)/);
    }
    expect((await get('2025Q3')).json.text).toBe('Seconde');
  });

  it('answers 423 on a submitted or validated quarter, and 422 before the quarter starts', async () => {
    await put('2025Q2', { text: 'Avant soumission' });
    const submit = `${HC}/periods/2025Q2/submit`;
    expect((await call(t, 'POST', submit, { cookie: cookies['coord@hc.test'] })).status).toBe(200);
    const locked = await put('2025Q2', { text: 'Après', version: 1 });
    expect([locked.status, locked.json.error.code]).toEqual([423, 'LOCKED']);
    const validate = `${HC}/periods/2025Q2/validate`;
    expect((await call(t, 'POST', validate, { cookie: cookies['cress@hdf.test'] })).status).toBe(
      200,
    );
    for (const who of ['coord@hc.test', 'admin@test.test'] as const)
      expect((await put('2025Q2', { text: 'Après', version: 1 }, who)).status).toBe(423);
    expect((await get('2025Q2', 'board@hc.test')).json.text).toBe('Avant soumission');
    const future = await put('2027Q1', { text: 'Trop tôt' });
    expect([future.status, future.json.error.code, future.json.error.issues[0].path]).toEqual([
      422,
      'INVALID_STATE',
      ['period'],
    ]);
    expect(await historyRows('2027Q1')).toEqual([]);
  });

  it('lets the pole’s coordinator and an admin write; the board and the CRESS read only', async () => {
    expect((await put('2024Q4', { text: 'Admin' }, 'admin@test.test')).status).toBe(200);
    for (const who of ['board@hc.test', 'cress@hdf.test'] as const) {
      const res = await put('2024Q4', { text: who, version: 1 }, who);
      expect([who, res.status, res.json.error.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
    for (const who of ['cress@occ.test', 'coord@littoral.test'] as const) {
      expect([who, (await get('2024Q4', who)).status]).toEqual([who, 404]);
      expect([who, (await put('2024Q4', { text: 'x', version: 1 }, who)).status]).toEqual([
        who,
        404,
      ]);
      expect([who, (await history('2024Q4', '', who)).status]).toEqual([who, 404]);
    }
    expect((await call(t, 'GET', url('2024Q4'))).status, 'anonymous').toBe(401);
    expect((await get('2024Q4')).json).toMatchObject({ text: 'Admin', updatedBy: 'admin' });
  });
});

describe('validation of a narrative', () => {
  it('counts code points: 10 000 accepted (emoji included), 10 001 refused with the envelope', async () => {
    const emoji = '😀'.repeat(10_000);
    const ok = await put('2024Q3', { text: emoji });
    expect([ok.status, ok.json.text.length]).toEqual([200, 20_000]);
    const long = await put('2024Q3', { text: 'a'.repeat(10_001), version: 1 });
    expect([long.status, long.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(long.json.error.issues).toEqual([
      { path: ['text'], code: 'too_big', message: expect.stringMatching(/10000/) },
    ]);
    const scope = await put('2024Q3', {
      text: 'ok',
      scopes: { 'mobilite-sociale': `${'é'.repeat(10_000)}x` },
      version: 1,
    });
    expect([scope.status, scope.json.error.issues[0].path]).toEqual([
      400,
      ['scopes', 'mobilite-sociale'],
    ]);
    expect((await get('2024Q3')).json.version).toBe(1);
  });

  it('keeps paragraphs, reads CRLF as LF, refuses other control characters in French', async () => {
    const ok = await put('2024Q2', { text: 'Un\r\n\r\nDeux\tcolonnes\n' });
    expect([ok.status, ok.json.text]).toEqual([200, 'Un\n\nDeux\tcolonnes']);
    const bell = await put('2024Q2', { text: 'Cloche \u0007', version: 1 });
    expect([bell.status, bell.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(bell.json.error.issues).toEqual([
      {
        path: ['text'],
        code: 'control_character',
        message:
          'Caractère de contrôle refusé : seuls les retours à la ligne et les tabulations sont permis.',
      },
    ]);
    const lone = await call(t, 'PUT', url('2024Q2'), {
      raw: '{"text":"\\ud800","version":1}',
      cookie: cookies['coord@hc.test'],
    });
    expect([lone.status, lone.json.error.code]).toEqual([400, 'BAD_REQUEST']);
    for (const body of [{}, { text: 1 }, { text: 'x', extra: true }, { text: 'x', version: -1 }])
      expect([body, (await put('2024Q2', body)).status]).toEqual([body, 400]);
    expect(
      (await call(t, 'GET', `${HC}/periods/2024Q5/narrative`, { cookie: cookies['coord@hc.test'] }))
        .status,
    ).toBe(400);
  });

  it('refuses scopes the pole has no working group for, naming them; writes nothing', async () => {
    const res = await put('2024Q1', {
      text: 'Pôle',
      scopes: { 'transition-ecologique': 'ok', inconnu: 'x', pole: 'y' },
    });
    expect([res.status, res.json.error.code]).toEqual([422, 'INVALID_ENTRIES']);
    expect(res.json.error.issues).toEqual([
      {
        path: ['scopes', 'inconnu'],
        code: 'unknown_scope',
        message: 'Périmètre inconnu pour ce pôle : inconnu.',
      },
      {
        path: ['scopes', 'pole'],
        code: 'pole_scope',
        message: 'Le texte du pôle s’envoie dans « text », pas dans « scopes » (pole).',
      },
    ]);
    expect((await get('2024Q1')).json.version).toBe(0);
    expect(await historyRows('2024Q1')).toEqual([]);
  });
});

describe('GET …/narrative/history', () => {
  it('lists each changed text, newest first, with who and when; filters one scope; pages', async () => {
    await put('2023Q4', { text: 'Pôle v1', scopes: { 'mobilite-sociale': 'MS v1' } });
    await put('2023Q4', { text: 'Pôle v2', version: 1 }, 'admin@test.test');
    const all = await history('2023Q4', '', 'board@hc.test');
    expect(all.status).toBe(200);
    expect(all.json).toEqual({
      pole: 'henin-carvin',
      period: '2023Q4',
      changes: [
        {
          id: expect.any(Number),
          scope: null,
          oldText: 'Pôle v1',
          newText: 'Pôle v2',
          version: 2,
          changedAt: '2026-11-29T10:00:00.000Z',
          changedBy: 'admin',
        },
        {
          id: expect.any(Number),
          scope: 'mobilite-sociale',
          oldText: '',
          newText: 'MS v1',
          version: 1,
          changedAt: '2026-11-29T10:00:00.000Z',
          changedBy: 'coord',
        },
        {
          id: expect.any(Number),
          scope: null,
          oldText: '',
          newText: 'Pôle v1',
          version: 1,
          changedAt: '2026-11-29T10:00:00.000Z',
          changedBy: 'coord',
        },
      ],
      nextBefore: null,
    });
    const ms = await history('2023Q4', '?scope=mobilite-sociale');
    expect(ms.json.changes.map((c: { newText: string }) => c.newText)).toEqual(['MS v1']);
    const pole = await history('2023Q4', '?scope=pole', 'cress@hdf.test');
    expect(pole.json.changes.map((c: { newText: string }) => c.newText)).toEqual([
      'Pôle v2',
      'Pôle v1',
    ]);
    const first = await history('2023Q4', '?limit=2');
    expect(first.json.nextBefore).toBe(first.json.changes[1].id);
    const rest = await history('2023Q4', `?limit=2&before=${first.json.nextBefore}`);
    expect([rest.json.changes.length, rest.json.nextBefore]).toEqual([1, null]);
    expect((await history('2023Q4', '?scope=inconnu')).status).toBe(404);
    expect((await history('2023Q4', '?limit=0')).status).toBe(400);
  });

  it('is append-only', async () => {
    await put('2023Q3', { text: 'Gardé' });
    await expect(
      t.db.updateTable('narrative_history').set({ new_text: 'x' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('narrative_history').execute()).rejects.toThrow(/append-only/);
  });
});
