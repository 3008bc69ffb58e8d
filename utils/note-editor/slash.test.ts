import { describe, expect, it } from 'vitest';
import { matchTemplates, slashQuery } from './slash';

const T = (name: string) => ({ id: name, name, body: `${name} body` });

describe('slashQuery', () => {
  it('a "/" at the start of the box or of a line, up to the caret', () => {
    expect(slashQuery('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashQuery('/fol', 4)).toEqual({ start: 0, query: 'fol' });
    expect(slashQuery('Intro\n/follow up', 16)).toEqual({ start: 6, query: 'follow up' });
  });

  it('not in the middle of a line, not before the caret, not a path', () => {
    expect(slashQuery('a /b', 4)).toBeUndefined();
    expect(slashQuery('/abc', 0)).toBeUndefined();
    expect(slashQuery('/usr/bin', 8)).toBeUndefined();
    expect(slashQuery('/ x', 3)).toBeUndefined();
    expect(slashQuery('text', 4)).toBeUndefined();
  });
});

describe('matchTemplates', () => {
  const list = [T('Voicemail'), T('Follow up'), T('Demo booked'), T('Left voicemail')];
  it('all for an empty query; names starting with it first, then containing it', () => {
    expect(matchTemplates(list, '')).toEqual(list);
    expect(matchTemplates(list, 'VOICE').map((t) => t.name)).toEqual(['Voicemail', 'Left voicemail']);
    expect(matchTemplates(list, 'o').map((t) => t.name)).toEqual(['Voicemail', 'Follow up', 'Demo booked', 'Left voicemail']);
    expect(matchTemplates(list, 'zzz')).toEqual([]);
  });
});
