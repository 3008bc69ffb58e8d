import type { Call, CallChanges } from './close/schemas';
import { noteChange, noteText } from './note-html';
import { appendNote } from './content/append-note';

// What the Note box holds, as the save session sees it: an opaque value. The session (issue 11)
// keeps it, compares it and hands it to the outbox and the drafts only through the functions
// below; only the note editor (issue 12) knows what is inside. Today the inside is the
// textarea's text with light markup; the rich editor swaps it for its own document.

declare const opaque: unique symbol;
/** The Note box's content. Compare with `sameNote`, never with `===` on its inside. */
export type NoteContent = { readonly [opaque]: 'NoteContent' };

/** How a NoteContent is stored in a draft (storage.local) and read back; JSON-safe. */
export type StoredNote = { readonly text: string };

type Inside = { text: string };
const wrap = (inside: Inside) => inside as unknown as NoteContent;
const unwrap = (content: NoteContent) => content as unknown as Inside;

type NoteOf = Pick<Call, 'note' | 'note_html'>;

/** The Note box's content for a call: Close's note as the box shows it. */
export const noteOfCall = (call: NoteOf): NoteContent => wrap({ text: noteText(call) });

/** The same content: what the rep sees and what would be sent are equal. */
export const sameNote = (a: NoteContent, b: NoteContent): boolean => unwrap(a).text === unwrap(b).text;

/** The note part of a change for `call`: `{}` when the content is the call's own note (untouched). */
export const noteChangeFor = (call: NoteOf, content: NoteContent): Pick<CallChanges, 'note' | 'note_html'> =>
  noteChange(call, unwrap(content).text);

/** The rep's note after a conflict's Append mine: theirs first, then what the rep added to `original`. */
export const appendedNote = (theirs: NoteOf, mine: NoteContent, original: NoteOf): NoteContent =>
  wrap({ text: appendNote(noteText(theirs), unwrap(mine).text, noteText(original)) });

/** Characters the content would send (for the note size limit shown while typing). */
export const noteSize = (content: NoteContent): number => unwrap(content).text.length;

/** The content as plain text, for copying out when storage fails and for screen-reader summaries. */
export const notePlainText = (content: NoteContent): string => unwrap(content).text;

export const storeNote = (content: NoteContent): StoredNote => ({ text: unwrap(content).text });

/** A stored note read back; undefined for a value this version cannot read (kept, not guessed at). */
export function readStoredNote(stored: unknown): NoteContent | undefined {
  if (stored && typeof stored === 'object' && typeof (stored as StoredNote).text === 'string')
    return wrap({ text: (stored as StoredNote).text });
  return undefined;
}

/** Drafts written before NoteContent stored their note as a bare string. */
export const noteFromLegacyDraft = (note: string): NoteContent => wrap({ text: note });

/**
 * The textarea editor's text as content. Only the textarea-based Note box uses this; the rich
 * editor (issue 12) replaces it with its own constructor from its document.
 */
export const noteFromBoxText = (text: string): NoteContent => wrap({ text });
