import { UNSAFE_createMemoryHistory } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { createGuardedHistory } from './guarded-history';

function setup(initial = '/poles/p/saisie/2026Q1/s') {
  const history = UNSAFE_createMemoryHistory({ initialEntries: ['/', initial], v5Compat: true });
  const guarded = createGuardedHistory(history);
  const moves: string[] = [];
  guarded.listen(({ action, location }) => moves.push(`${action} ${location.pathname}`));
  return { history, guarded, moves };
}

describe('createGuardedHistory', () => {
  it('moves and tells the listener when no check is set', () => {
    const { history, guarded, moves } = setup();
    guarded.navigator.push('/poles/p');
    guarded.navigator.replace('/exports');
    expect(moves).toEqual(['PUSH /poles/p', 'REPLACE /exports']);
    expect(history.location.pathname).toBe('/exports');
  });

  it('stays when a check refuses a push or a replace, and asks with both pathnames', () => {
    const { history, guarded, moves } = setup();
    const check = vi.fn(() => false);
    guarded.addCheck(check);
    guarded.navigator.push('/poles/p');
    guarded.navigator.replace({ pathname: '/exports', search: '?a=1' });
    expect(moves).toEqual([]);
    expect(history.location.pathname).toBe('/poles/p/saisie/2026Q1/s');
    expect(check.mock.calls).toEqual([
      ['/poles/p/saisie/2026Q1/s', '/poles/p'],
      ['/poles/p/saisie/2026Q1/s', '/exports'],
    ]);
  });

  it('does not ask for a move within the page (query string only)', () => {
    const { guarded, moves } = setup();
    const check = vi.fn(() => false);
    guarded.addCheck(check);
    guarded.navigator.push('/poles/p/saisie/2026Q1/s?vue=2');
    guarded.navigator.push({ search: '?vue=3' });
    expect(check).not.toHaveBeenCalled();
    expect(moves).toEqual(['PUSH /poles/p/saisie/2026Q1/s', 'PUSH /poles/p/saisie/2026Q1/s']);
  });

  it('moves when every check agrees; a removed check is not asked again', () => {
    const { guarded, moves } = setup();
    const refuse = vi.fn(() => false);
    const agree = vi.fn(() => true);
    guarded.addCheck(agree);
    const remove = guarded.addCheck(refuse);
    remove();
    guarded.navigator.push('/poles/p');
    expect(agree).toHaveBeenCalledTimes(1);
    expect(refuse).not.toHaveBeenCalled();
    expect(moves).toEqual(['PUSH /poles/p']);
  });

  it('undoes a back move a check refuses, without telling the listener, and lets the next one go', () => {
    const { history, guarded, moves } = setup();
    let answer = false;
    guarded.addCheck(() => answer);
    guarded.navigator.go(-1);
    expect(history.location.pathname).toBe('/poles/p/saisie/2026Q1/s');
    expect(moves).toEqual([]);
    answer = true;
    guarded.navigator.go(-1);
    expect(history.location.pathname).toBe('/');
    expect(moves).toEqual(['POP /']);
  });
});
