import { describe, expect, it } from 'vitest';
import { useLocale } from '../test/unit/i18n-setup';
import { changeLines, changeSentence } from './conflict-words';

const NOW = Date.parse('2026-11-24T12:00:00Z');
const AT = '2026-11-24T10:42:00.000000+00:00';
const say = (...args: Parameters<typeof changeLines>) => changeLines(...args).map((line) => changeSentence(line, NOW, 'en-GB'));
const sam = { kind: 'person' as const, userId: 'user_sam', name: 'Sam Okafor' };

describe('the conflict alert says who changed what, and when', () => {
  it('a person by name, with the field and the time', () => {
    expect(say({ known: true, changes: [{ field: 'note', by: sam, at: AT }] }, ['note'], AT)).toEqual([
      expect.stringMatching(/^Sam Okafor changed the note at \d{2}:42\.$/),
    ]);
  });

  it('"Close" for its own writes and "another app" for another key, one line each, both fields together', () => {
    const lines = say(
      {
        known: true,
        changes: [
          { field: 'outcome', by: { kind: 'another-app' }, at: AT },
          { field: 'note', by: { kind: 'close' }, at: '2026-11-24T10:40:00Z' },
          { field: 'outcome', by: { kind: 'close' }, at: '2026-11-24T10:39:00Z' },
        ],
      },
      ['note', 'outcome'],
      AT,
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Another app changed the outcome at/);
    expect(lines[1]).toMatch(/^Close changed the note and the outcome by itself at \d{2}:40 \(a note template/);
  });

  it('a person Close does not name is "a colleague"; a day other than today is dated', () => {
    const [line] = say({ known: true, changes: [{ field: 'note', by: { kind: 'person', userId: 'user_x' }, at: '2026-11-20T10:42:00Z' }] }, ['note'], AT);
    expect(line).toMatch(/^A colleague changed the note at .*2026.*42\.$/);
  });

  it('without an answer from the event log: "changed in Close", no name, the fields that differ and the call’s time', () => {
    for (const who of [undefined, { known: false } as const]) {
      const [line, more] = say(who, ['outcome'], AT);
      expect(line).toMatch(/^Changed in Close at \d{2}:42: the outcome\.$/);
      expect(more).toBeUndefined();
    }
  });

  it('in German', () => {
    useLocale('de');
    expect(say({ known: true, changes: [{ field: 'note', by: { kind: 'close' }, at: AT }] }, ['note'], AT)[0]).toMatch(
      /^Close hat die Notiz um \d{2}:42 selbst geändert/,
    );
    expect(say({ known: false }, ['note', 'outcome'], AT)[0]).toMatch(/^In Close geändert um \d{2}:42: die Notiz und das Ergebnis\.$/);
  });
});
