import { PoleDetailSchema } from '@ptce/shared/poles.schema';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubFetch } from '../testing/render';
import { ApiError, api, NO_CONTENT } from './api-client';

const pole = {
  slug: 'henin-carvin',
  name: 'PTCE Hénin-Carvin',
  territory: 'CAHC',
  region: { code: 'HDF', name: 'Hauts-de-France' },
  scopes: [],
  roles: ['board'],
};

afterEach(() => {
  vi.restoreAllMocks();
});

/** What `api` throws (or null when it resolves). */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as ApiError,
  );

describe('api', () => {
  it('resolves to the answer parsed with its schema', async () => {
    stubFetch({ 'GET /api/poles/henin-carvin': () => ({ json: { ...pole, extra: 1 } }) });
    expect(await api('/api/poles/henin-carvin', PoleDetailSchema)).toEqual(pole);
  });

  it('throws a BAD_ANSWER naming where an answer of another shape differs', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    stubFetch({ 'GET /api/poles/x': () => ({ json: { ...pole, roles: 'board', scopes: [{}] } }) });
    const error = await failure(api('/api/poles/x', PoleDetailSchema));
    expect(error).toBeInstanceOf(ApiError);
    expect([error?.status, error?.code, error?.message]).toEqual([
      200,
      'BAD_ANSWER',
      'Le serveur a envoyé une réponse inattendue.',
    ]);
    expect(error?.issues.map((i) => i.path)).toEqual([
      ['scopes', 0, 'slug'],
      ['scopes', 0, 'name'],
      ['scopes', 0, 'kind'],
      ['scopes', 0, 'indicators'],
      ['roles'],
    ]);
    expect(logged.mock.calls[0]?.[0]).toBe('[ptce-suivi] GET /api/poles/x: unexpected shape');
  });

  it('throws the error envelope as an ApiError with its code, message and issues', async () => {
    const issues = [{ path: ['entries', 0], code: 'unknown_indicator', message: 'Inconnu.' }];
    stubFetch({
      'PUT /api/x': () => ({
        status: 422,
        json: { error: { code: 'INVALID_ENTRIES', message: 'Refusé.', issues } },
      }),
    });
    const error = await failure(api('/api/x', NO_CONTENT, { method: 'PUT', body: {} }));
    expect([error?.status, error?.code, error?.message, error?.issues]).toEqual([
      422,
      'INVALID_ENTRIES',
      'Refusé.',
      issues,
    ]);
  });

  it('reads a 204 as no content, and refuses a body where none is expected', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    stubFetch({
      'DELETE /api/a': () => ({ status: 204 }),
      'DELETE /api/b': () => ({ json: { deleted: true } }),
    });
    expect(await api('/api/a', NO_CONTENT, { method: 'DELETE' })).toBeUndefined();
    expect((await failure(api('/api/b', NO_CONTENT, { method: 'DELETE' })))?.code).toBe(
      'BAD_ANSWER',
    );
  });
});
