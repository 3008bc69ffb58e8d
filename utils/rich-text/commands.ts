// Formatting commands of the Note box (buttons, Ctrl/Cmd+B, I, Shift+8), as pure functions of
// the text and the selection. Each returns one replacement, so that the editor applies it in one
// step (execCommand / setRangeText) and Ctrl+Z undoes it in one step.

export interface Selection {
  start: number;
  end: number;
}

export interface Edit {
  /** Replace text[from, to) with `insert`… */
  from: number;
  to: number;
  insert: string;
  /** …then select this (in the new text). */
  selection: Selection;
}

export type InlineFormat = 'bold' | 'italic';
const MARKER: Record<InlineFormat, string> = { bold: '**', italic: '*' };

/** Is `text` at `at` the marker, and not part of a longer run of stars ("**" is not "*")? */
function markerAt(text: string, at: number, marker: string): boolean {
  if (text.slice(at, at + marker.length) !== marker) return false;
  const stars = (i: number) => text[i] === '*';
  // For italic, "**" around is bold, not italic; "***" around is both.
  let before = 0;
  for (let i = at - 1; stars(i); i--) before++;
  let after = 0;
  for (let i = at + marker.length; stars(i); i++) after++;
  return marker === '*' ? (before + after) % 2 === 0 : true;
}

/**
 * Bold or italic around the selection: wraps it (spaces at its edges stay outside the markers,
 * as markup needs), or unwraps it when it is already wrapped, with the markers inside or just
 * outside the selection. With no selection, inserts a pair of markers around the caret.
 */
export function toggleInline(text: string, { start, end }: Selection, format: InlineFormat): Edit {
  const marker = MARKER[format];
  const m = marker.length;
  const selected = text.slice(start, end);
  // Already wrapped, markers selected too: "**bold**" → "bold".
  if (selected.length >= 2 * m + 1 && markerAt(selected, 0, marker) && markerAt(selected, selected.length - m, marker)) {
    const inner = selected.slice(m, -m);
    return { from: start, to: end, insert: inner, selection: { start, end: start + inner.length } };
  }
  // Already wrapped, markers just outside: **[bold]** → bold.
  if (start >= m && markerAt(text, start - m, marker) && markerAt(text, end, marker) && (start !== end || text.slice(start - m, start + m) === marker + marker)) {
    return { from: start - m, to: end + m, insert: selected, selection: { start: start - m, end: end - m } };
  }
  const lead = /^\s*/.exec(selected)![0].length;
  const trail = selected.length > lead ? /\s*$/.exec(selected)![0].length : 0;
  const core = selected.slice(lead, selected.length - trail);
  if (!core) {
    // Caret: "**|**", ready to type into.
    const at = start + lead;
    return { from: start, to: end, insert: `${selected.slice(0, lead)}${marker}${marker}`, selection: { start: at + m, end: at + m } };
  }
  // One line at a time: markers never span a line break (markup is read line by line).
  const lines = core.split('\n');
  const wrapped = lines.map((line) => {
    const l = /^\s*/.exec(line)![0];
    const body = line.trim();
    return body ? `${l}${marker}${body}${marker}${line.slice(l.length + body.length)}` : line;
  });
  const insert = `${selected.slice(0, lead)}${wrapped.join('\n')}${selected.slice(selected.length - trail)}`;
  const single = lines.length === 1;
  return {
    from: start,
    to: end,
    insert,
    selection: single
      ? { start: start + lead + m, end: start + lead + m + core.length }
      : { start: start + lead, end: start + insert.length - trail },
  };
}

const BULLET = /^(?:•|-|\*)[ \t]/;

/**
 * Bulleted list over the lines the selection touches: when all of them are items, they become
 * paragraphs again; otherwise every line gets "• " (empty lines in between are left alone).
 */
export function toggleList(text: string, { start, end }: Selection): Edit {
  const from = text.lastIndexOf('\n', start - 1) + 1;
  // A selection ending right after a newline does not take in the next line.
  const last = end > start && text[end - 1] === '\n' ? end - 1 : end;
  const next = text.indexOf('\n', last);
  const to = next < 0 ? text.length : next;
  const lines = text.slice(from, to).split('\n');
  const filled = lines.filter((line) => line.trim());
  const allItems = filled.length > 0 && filled.every((line) => BULLET.test(line));
  const out = lines.map((line) => {
    if (allItems) return BULLET.test(line) ? line.slice(2) : line;
    if (!line.trim() && lines.length > 1) return line;
    return BULLET.test(line) ? line : `• ${line}`;
  });
  const insert = out.join('\n');
  // Keep the caret where it was in its line (moved by the bullet), or select the whole block.
  if (start === end && lines.length === 1) {
    const shift = insert.length - (to - from);
    const caret = Math.max(from, start + shift);
    return { from, to, insert, selection: { start: caret, end: caret } };
  }
  return { from, to, insert, selection: { start: from, end: from + insert.length } };
}
