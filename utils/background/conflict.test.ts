import { describe, expect, it } from 'vitest';
import { alreadyApplied, isConflict } from './conflict';

const base = { date_updated: '2026-11-20T10:00:00.000000+00:00', note: 'Hello', note_html: '<body><p>Hello</p></body>', outcome_id: null };
const later = '2026-11-20T10:05:00.000000+00:00';

describe('isConflict', () => {
  it('no conflict while date_updated is unchanged', () => {
    expect(isConflict(base, { ...base }, { note: 'Mine' })).toBe(false);
  });

  it('someone else changed the note we are about to write', () => {
    const current = { ...base, date_updated: later, note: 'Theirs', note_html: '<body><p>Theirs</p></body>' };
    expect(isConflict(base, current, { note: 'Mine' })).toBe(true);
    expect(isConflict(base, current, { note_html: '<body><p>Mine</p></body>' })).toBe(true);
  });

  it('someone else changed only the outcome: a note-only save is no conflict, an outcome save is', () => {
    const current = { ...base, date_updated: later, outcome_id: 'outcome_3gEstuiDqDIP2wDgN7rwTp' };
    expect(isConflict(base, current, { note: 'Mine' })).toBe(false);
    expect(isConflict(base, current, { outcome_id: null })).toBe(true);
  });

  it('a change to fields we do not write is no conflict', () => {
    expect(isConflict(base, { ...base, date_updated: later }, { note: 'Mine', outcome_id: null })).toBe(false);
  });
});

describe('alreadyApplied', () => {
  it('recognises a save whose answer was lost', () => {
    const current = { ...base, date_updated: later, note: 'Mine', outcome_id: 'outcome_3gEstuiDqDIP2wDgN7rwTp' };
    expect(alreadyApplied(current, { note: 'Mine', outcome_id: 'outcome_3gEstuiDqDIP2wDgN7rwTp' })).toBe(true);
    expect(alreadyApplied(current, { note: 'Mine', outcome_id: null })).toBe(false);
    expect(alreadyApplied(current, { note: 'Mine!' })).toBe(false);
  });

  it('compares note_html without caring about whitespace between tags', () => {
    expect(alreadyApplied({ ...base, note_html: '<body><p>A</p>\n<p>B</p></body>' }, { note_html: '<body><p>A</p> <p>B</p></body>' })).toBe(true);
  });
});
