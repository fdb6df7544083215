import { describe, expect, it } from 'vitest';
import { draftReducer, EMPTY_DRAFT } from './use-entry-draft';

const base = { value: 9, comment: 'vu', overrideReason: null, version: 2 };

describe('draftReducer', () => {
  it('after a save, drops only what was sent unchanged: text typed meanwhile stays', () => {
    let s = draftReducer(EMPTY_DRAFT, { type: 'text', key: 'A|', text: '1', version: 0 });
    s = draftReducer(s, { type: 'text', key: 'B|', text: '2', version: 0 });
    const sent = { texts: s.texts, comments: s.comments, reasons: s.reasons };
    s = draftReducer(s, { type: 'text', key: 'B|', text: '25', version: 0 });
    s = draftReducer(s, { type: 'saved', sent, bases: { 'A|': { ...base, value: 1 } } });
    expect(s.texts).toEqual({ 'B|': '25' });
    expect(s.local['A|']).toEqual({ ...base, value: 1 });
  });

  it('keeping one’s value keeps the text on the other’s version; taking theirs drops text and comment', () => {
    let s = draftReducer(EMPTY_DRAFT, { type: 'text', key: 'A|', text: '7', version: 1 });
    s = draftReducer(s, { type: 'comment', indicator: 'A', text: 'mine', version: 1 });
    const kept = draftReducer(s, { type: 'resolve', key: 'A|', base, keep: true });
    expect(kept.texts).toEqual({ 'A|': '7' });
    expect(kept.local['A|']).toBe(base);
    const taken = draftReducer(s, { type: 'resolve', key: 'A|', base, keep: false });
    expect(taken.texts).toEqual({});
    expect(taken.comments).toEqual({});
    expect(taken.local['A|']).toBe(base);
    expect(kept.based).toEqual({ 'A|': 2 });
    expect(taken.based).toEqual({});
  });

  it('remembers the version a cell was first typed on until it is saved', () => {
    let s = draftReducer(EMPTY_DRAFT, { type: 'text', key: 'A|', text: '1', version: 3 });
    s = draftReducer(s, { type: 'text', key: 'A|', text: '12', version: 4 });
    s = draftReducer(s, { type: 'comment', indicator: 'B', text: 'note', version: 5 });
    expect(s.based).toEqual({ 'A|': 3, 'B|': 5 });
    const sent = { texts: s.texts, comments: s.comments, reasons: s.reasons };
    s = draftReducer(s, { type: 'saved', sent, bases: { 'A|': { ...base, version: 4 } } });
    expect(s.based).toEqual({ 'B|': 5 });
    expect(draftReducer(s, { type: 'discard' })).toEqual({ ...EMPTY_DRAFT, local: s.local });
  });
});
