import type { EditorState } from 'prosemirror-state';
import type { Template } from '../settings';

// Templates are inserted by typing "/" at the start of a line of the Note box (issue 4).

export interface SlashQuery {
  /** Where the "/" is. */
  start: number;
  /** What follows it, up to the caret. */
  query: string;
}

const MAX_QUERY = 60;

/** The "/query" the caret is at the end of, when the "/" starts a line; else nothing. */
export function slashQuery(text: string, caret: number): SlashQuery | undefined {
  const lineStart = text.lastIndexOf('\n', caret - 1) + 1;
  if (text[lineStart] !== '/' || caret <= lineStart) return undefined;
  const query = text.slice(lineStart + 1, caret);
  if (query.length > MAX_QUERY || query.startsWith(' ') || /\/|\s{2}/.test(query)) return undefined;
  return { start: lineStart, query };
}

/** Templates whose name matches the query: names that start with it first, then the others. */
export function matchTemplates(templates: readonly Template[], query: string): Template[] {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return [...templates];
  const starts = templates.filter((t) => t.name.toLocaleLowerCase().startsWith(q));
  const contains = templates.filter((t) => !starts.includes(t) && t.name.toLocaleLowerCase().includes(q));
  return [...starts, ...contains];
}

/** A "/query" at the caret, in the editor: where it starts and ends in the document. */
export interface Slash {
  from: number;
  to: number;
  query: string;
}

/** The "/query" the caret is at the end of, when the "/" starts a line (a paragraph, or after a line break). */
export function slashAt(state: EditorState): Slash | undefined {
  const { selection } = state;
  if (!selection.empty) return undefined;
  const $at = selection.$from;
  if (!$at.parent.isTextblock) return undefined;
  // One character per position: text as itself, a line break as "\n", any other leaf as one mark.
  const before = $at.parent.textBetween(0, $at.parentOffset, undefined, (leaf) => (leaf.type.name === 'hard_break' ? '\n' : '\ufffc'));
  const found = slashQuery(before, before.length);
  return found && { from: $at.start() + found.start, to: $at.pos, query: found.query };
}
