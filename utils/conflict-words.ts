import { i18n } from '#i18n';
import type { CallField, Changer, WhoChanged } from './close/who-changed';
import { uiLocale } from './format';

// What the conflict alert says about who changed the call (issue 14): a person by name, "Close"
// for its own writes (a note template, Close AI's outcome, the dialer's autosave), "another app"
// for another API key; ours are never in it (who-changed.ts). Without an answer from the event
// log (empty, 403, older than 30 days) it says "changed in Close" with the call's own time.

/** One sentence's worth: one author, the fields they changed, their latest change. */
export interface ChangeLine {
  by: Changer | 'unknown';
  fields: CallField[];
  at: string;
}

const keyOf = (by: Changer) => (by.kind === 'person' ? `person:${by.userId}` : by.kind);
const FIELD_ORDER: CallField[] = ['note', 'outcome'];

/** Pure: who changed which of the rep's fields, one line per author, the latest author first. */
export function changeLines(who: WhoChanged | undefined, fields: readonly CallField[] | undefined, theirsAt: string): ChangeLine[] {
  if (!who?.known) return [{ by: 'unknown', fields: FIELD_ORDER.filter((f) => !fields || fields.includes(f)), at: theirsAt }];
  const lines = new Map<string, ChangeLine>();
  // Newest first (as the log pages): the first change seen of an author is their latest.
  for (const change of who.changes) {
    const line = lines.get(keyOf(change.by)) ?? { by: change.by, fields: [], at: change.at };
    if (!line.fields.includes(change.field)) line.fields.push(change.field);
    lines.set(keyOf(change.by), line);
  }
  return [...lines.values()].map((line) => ({ ...line, fields: FIELD_ORDER.filter((f) => line.fields.includes(f)) }));
}

const fieldWords = (fields: CallField[]) =>
  fields.length !== 1 ? i18n.t('conflictWho.both') : fields[0] === 'note' ? i18n.t('conflictWho.note') : i18n.t('conflictWho.outcome');

/** The time of a change: the hour and minute, with the day when it was not today. */
export function changeTime(iso: string, now = Date.now(), locale = uiLocale()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const today = new Date(now).toDateString() === date.toDateString();
  return date.toLocaleString(locale, today ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' });
}

/** The sentence for one line, in the rep's language. */
export function changeSentence(line: ChangeLine, now = Date.now(), locale = uiLocale()): string {
  const what = fieldWords(line.fields);
  const when = changeTime(line.at, now, locale);
  const { by } = line;
  if (by === 'unknown') return i18n.t('conflictWho.unknown', [what, when]);
  if (by.kind === 'close') return i18n.t('conflictWho.close', [what, when]);
  if (by.kind === 'another-app') return i18n.t('conflictWho.app', [what, when]);
  return by.name ? i18n.t('conflictWho.person', [by.name, what, when]) : i18n.t('conflictWho.colleague', [what, when]);
}
