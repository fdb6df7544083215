import { describe, expect, it } from 'vitest';
import { draftReducer, EMPTY_DRAFT } from './use-entry-draft';

const base = { value: 9, comment: 'vu', overrideReason: null, version: 2 };

describe('draftReducer', () => {
  it('after a save, drops only what was sent unchanged: text typed meanwhile stays', () => {
    let s = draftReducer(EMPTY_DRAFT, { type: 'text', key: 'A|', text: '1' });
    s = draftReducer(s, { type: 'text', key: 'B|', text: '2' });
    const sent = { texts: s.texts, comments: s.comments, reasons: s.reasons };
    s = draftReducer(s, { type: 'text', key: 'B|', text: '25' });
    s = draftReducer(s, { type: 'saved', sent, bases: { 'A|': { ...base, value: 1 } } });
    expect(s.texts).toEqual({ 'B|': '25' });
    expect(s.local['A|']).toEqual({ ...base, value: 1 });
  });

  it('keeping one’s value keeps the text on the other’s version; taking theirs drops text and comment', () => {
    let s = draftReducer(EMPTY_DRAFT, { type: 'text', key: 'A|', text: '7' });
    s = draftReducer(s, { type: 'comment', indicator: 'A', text: 'mine' });
    const kept = draftReducer(s, { type: 'resolve', key: 'A|', base, keep: true });
    expect(kept.texts).toEqual({ 'A|': '7' });
    expect(kept.local['A|']).toBe(base);
    const taken = draftReducer(s, { type: 'resolve', key: 'A|', base, keep: false });
    expect(taken.texts).toEqual({});
    expect(taken.comments).toEqual({});
    expect(taken.local['A|']).toBe(base);
  });
});
