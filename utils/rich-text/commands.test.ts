import { describe, expect, it } from 'vitest';
import { toggleInline, toggleList, type Edit } from './commands';

/** Applies an edit; "[" and "]" in the strings mark the selection (or "|" a caret). */
function run(marked: string, command: (text: string, sel: { start: number; end: number }) => Edit | undefined): string {
  const caret = marked.indexOf('|');
  const start = caret >= 0 ? caret : marked.indexOf('[');
  const text = marked.replace(/[[\]|]/g, '');
  const end = caret >= 0 ? caret : marked.indexOf(']') - 1;
  const edit = command(text, { start, end });
  if (!edit) return 'no edit';
  const out = text.slice(0, edit.from) + edit.insert + text.slice(edit.to);
  const { start: s, end: e } = edit.selection;
  return s === e ? `${out.slice(0, s)}|${out.slice(s)}` : `${out.slice(0, s)}[${out.slice(s, e)}]${out.slice(e)}`;
}
const bold = (t: string, s: { start: number; end: number }) => toggleInline(t, s, 'bold');
const italic = (t: string, s: { start: number; end: number }) => toggleInline(t, s, 'italic');

describe('toggleInline', () => {
  it('wraps the selection and keeps the word selected', () => {
    expect(run('Spoke with [Dana] today', bold)).toBe('Spoke with **[Dana]** today');
    expect(run('Spoke with [Dana] today', italic)).toBe('Spoke with *[Dana]* today');
  });

  it('leaves spaces at the edges of the selection outside the markers', () => {
    expect(run('a[ word ]b', bold)).toBe('a **[word]** b');
  });

  it('unwraps when the markers are just outside or inside the selection', () => {
    expect(run('Spoke with **[Dana]** today', bold)).toBe('Spoke with [Dana] today');
    expect(run('Spoke with [**Dana**] today', bold)).toBe('Spoke with [Dana] today');
    expect(run('Spoke with *[Dana]* today', italic)).toBe('Spoke with [Dana] today');
  });

  it('italic inside bold is not bold taken apart', () => {
    expect(run('**[Dana]**', italic)).toBe('***[Dana]***');
    expect(run('***[Dana]***', italic)).toBe('**[Dana]**');
    expect(run('***[Dana]***', bold)).toBe('*[Dana]*');
  });

  it('with a caret: a pair of markers to type into, and a second press takes them away', () => {
    expect(run('Note |', bold)).toBe('Note **|**');
    expect(run('Note **|**', bold)).toBe('Note |');
    expect(run('|', italic)).toBe('*|*');
  });

  it('over several lines: each line wrapped on its own', () => {
    expect(run('[one\ntwo]', bold)).toBe('[**one**\n**two**]');
    expect(run('[one\n\n two]', italic)).toBe('[*one*\n\n *two*]');
  });
});

describe('toggleList', () => {
  it('makes the caret\'s line an item, and back', () => {
    expect(run('Intro\nBudg|et', toggleList)).toBe('Intro\n• Budg|et');
    expect(run('Intro\n• Budg|et', toggleList)).toBe('Intro\nBudg|et');
    expect(run('|', toggleList)).toBe('• |');
  });

  it('every selected line, blank lines left alone; all items → all paragraphs', () => {
    expect(run('x\n[one\n\ntwo]\ny', toggleList)).toBe('x\n[• one\n\n• two]\ny');
    expect(run('[• one\n- two]', toggleList)).toBe('[one\ntwo]');
    expect(run('[• one\ntwo]', toggleList)).toBe('[• one\n• two]');
  });

  it('a selection ending right after a newline does not take the next line', () => {
    expect(run('[one\n]two', toggleList)).toBe('[• one]\ntwo');
  });
});
