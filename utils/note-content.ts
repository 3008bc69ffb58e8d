import type { Node } from 'prosemirror-model';
import type { Call, CallChanges } from './close/schemas';
import { docFromOwnHtml, docFromText, htmlOfBlocks, mergeHtml, readCallNote, textFromDoc, type ReadNote } from './note-editor/document';
import { isRichDoc } from './note-editor/schema';

// What the Note box holds, as the save session sees it: an opaque value. The session (issue 11)
// keeps it, compares it and hands it to the outbox and the drafts only through the functions
// below; only the note editor knows what is inside: its ProseMirror document.

declare const opaque: unique symbol;
/** The Note box's content. Compare with `sameNote`, never with `===` on its inside. */
export type NoteContent = { readonly [opaque]: 'NoteContent' };

/**
 * How a NoteContent is stored in a draft (storage.local) and read back; JSON-safe. A plain
 * note as its exact text (the shape drafts had before the rich editor); a rich one as the
 * editor's HTML.
 */
export type StoredNote = { readonly text: string } | { readonly html: string; readonly rich: true };

type Inside = { doc: Node };
const wrap = (doc: Node) => ({ doc }) as Inside as unknown as NoteContent;
const unwrap = (content: NoteContent) => content as unknown as Inside;

/** The editor's document (for components/NoteEditor.tsx only). */
export const docOfNote = (content: NoteContent): Node => unwrap(content).doc;
/** The editor's document as content (for components/NoteEditor.tsx only). */
export const noteOfDoc = (doc: Node): NoteContent => wrap(doc);

type NoteOf = Pick<Call, 'note' | 'note_html'>;

// Reading a note parses and sanitises it: the panel asks for the same few notes again and again.
const cache = new Map<string, ReadNote>();
function read(call: NoteOf): ReadNote {
  const key = `${call.note_html ?? ''}\u0000${call.note_html?.trim() ? '' : (call.note ?? '')}`;
  let found = cache.get(key);
  if (!found) {
    found = readCallNote(call.note, call.note_html);
    if (cache.size >= 8) cache.delete(cache.keys().next().value!);
  }
  cache.delete(key);
  cache.set(key, found);
  return found;
}

/** The Note box's content for a call: Close's note as the box shows it. */
export const noteOfCall = (call: NoteOf): NoteContent => wrap(read(call).doc);

/** The same content: what the rep sees and what would be sent are equal. */
export const sameNote = (a: NoteContent, b: NoteContent): boolean => a === b || unwrap(a).doc.eq(unwrap(b).doc);

/**
 * The note part of a change for `call`: `{}` when the content is the call's own note
 * (untouched). A plain note stays `note` (its exact text) until the rep formats it; a rich note
 * goes as `note_html`, every block the rep did not change as Close sent it.
 */
export function noteChangeFor(call: NoteOf, content: NoteContent): Pick<CallChanges, 'note' | 'note_html'> {
  const original = read(call);
  const { doc } = unwrap(content);
  if (original.doc.eq(doc)) return {};
  if (original.rich) return { note_html: `<body>${mergeHtml(original.segments, doc)}</body>` };
  return isRichDoc(doc) ? { note_html: `<body>${htmlOf(doc)}</body>` } : { note: textFromDoc(doc) };
}

const htmlOf = (doc: Node) => {
  const blocks: Node[] = [];
  doc.forEach((block) => blocks.push(block));
  return htmlOfBlocks(blocks);
};

/**
 * The rep's note after a conflict's Append mine: theirs first, then the rep's blocks. When the
 * rep only added blocks after the note they started from, just those follow theirs.
 */
export function appendedNote(theirs: NoteOf, mine: NoteContent, original: NoteOf): NoteContent {
  const base = read(theirs).doc;
  const start = read(original).doc;
  const { doc } = unwrap(mine);
  let kept = 0;
  while (kept < start.childCount && kept < doc.childCount && start.child(kept).eq(doc.child(kept))) kept++;
  const added: Node[] = [];
  const from = kept === start.childCount ? kept : 0;
  for (let i = from; i < doc.childCount; i++) added.push(doc.child(i));
  // Empty paragraphs the rep left at the end add nothing.
  while (added.length && added[added.length - 1]!.type.name === 'paragraph' && !added[added.length - 1]!.childCount) added.pop();
  if (!added.length) return wrap(base);
  const theirBlocks: Node[] = [];
  base.forEach((block) => theirBlocks.push(block));
  const theirsEmpty = base.childCount === 1 && !base.firstChild!.childCount && base.firstChild!.type.name === 'paragraph';
  return wrap(base.type.create(null, theirsEmpty ? added : [...theirBlocks, ...added]));
}

/** Characters the content would send (for the note size limit shown while typing). */
export function noteSize(content: NoteContent): number {
  const { doc } = unwrap(content);
  return isRichDoc(doc) ? htmlOf(doc).length + '<body></body>'.length : textFromDoc(doc).length;
}

/** The content as plain text, for copying out when storage fails and for screen-reader summaries. */
export const notePlainText = (content: NoteContent): string => textFromDoc(unwrap(content).doc);

export function storeNote(content: NoteContent): StoredNote {
  const { doc } = unwrap(content);
  return isRichDoc(doc) ? { html: htmlOf(doc), rich: true } : { text: textFromDoc(doc) };
}

/** A stored note read back; undefined for a value this version cannot read (kept, not guessed at). */
export function readStoredNote(stored: unknown): NoteContent | undefined {
  if (!stored || typeof stored !== 'object') return undefined;
  const value = stored as Record<string, unknown>;
  if (typeof value.text === 'string') return wrap(docFromText(value.text));
  if (typeof value.html === 'string' && value.rich === true) return wrap(docFromOwnHtml(value.html));
  return undefined;
}

/** Drafts written before NoteContent stored their note as a bare string. */
export const noteFromLegacyDraft = (note: string): NoteContent => wrap(docFromText(note));
