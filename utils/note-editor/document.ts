import { DOMParser as PMDOMParser, DOMSerializer, Fragment, type Node } from 'prosemirror-model';
import { hasFormattingIn, sanitizeNoteHtml } from '../note-html';
import { schema } from './schema';

// Close's note HTML <-> the editor's document. A rich note is read top-level block by block,
// each block remembering the HTML Close sent for it, so that on save every block the rep did
// not change goes back as that HTML (README, "Untouched means unchanged").

const parser = PMDOMParser.fromSchema(schema);
let serializer: DOMSerializer | undefined;
const serialize = () => (serializer ??= DOMSerializer.fromSchema(schema));

/** A piece of Close's note: its HTML as Close sent it, and the blocks the editor reads from it. */
export interface Segment {
  html: string;
  blocks: readonly Node[];
}

/** A call's note as the editor holds it. */
export interface ReadNote {
  doc: Node;
  /** The note has formatting in Close (is sent back as `note_html` whatever the rep does). */
  rich: boolean;
  /** For a rich note: Close's HTML, piece by piece, for the untouched blocks on save. */
  segments: readonly Segment[];
}

const emptyDoc = () => schema.node('doc', null, [schema.node('paragraph')]);

/** Plain text as a document: one paragraph per line, every character literal. */
export function docFromText(text: string): Node {
  const lines = text.split('\n').map((line) => schema.node('paragraph', null, line ? [schema.text(line)] : []));
  return schema.node('doc', null, lines);
}

/** A plain document's text: one line per paragraph, hard breaks as line breaks. */
export function textFromDoc(doc: Node): string {
  const lines: string[] = [];
  const leafText = (leaf: Node) => leaf.type.spec.leafText?.(leaf) ?? '';
  doc.forEach((block) => lines.push(block.isLeaf ? leafText(block) : block.textBetween(0, block.content.size, '\n', leafText)));
  return lines.join('\n');
}

/** The text of sanitised HTML with only <p> and <br>: paragraphs and breaks as lines, text exact. */
function textOfPlainHtml(fragment: DocumentFragment): string {
  const lines: string[] = [];
  let line = '';
  let inParagraph = false;
  const walk = (node: globalThis.Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) line += child.nodeValue ?? '';
      else if (child.nodeName === 'BR') {
        lines.push(line);
        line = '';
      } else if (child.nodeName === 'P') {
        if (line || inParagraph) lines.push(line);
        line = '';
        inParagraph = true;
        walk(child);
        lines.push(line);
        line = '';
        inParagraph = false;
      } else walk(child);
    }
  };
  walk(fragment);
  if (line || !lines.length) lines.push(line);
  return lines.join('\n');
}

/** Top-level elements that start a block of their own; other nodes run together as one paragraph. */
const BLOCK = /^(?:P|H[1-6]|UL|OL|LI|HR|DIV|TABLE|BLOCKQUOTE|PRE|SECTION|ARTICLE|HEADER|FOOTER|NAV|ASIDE|FIGURE|DL|DETAILS|ADDRESS|MAIN|CENTER|FIELDSET)$/;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');

/**
 * Close's HTML split into its top-level pieces, each as Close sent it (after an inert parse:
 * Close's normalisation, see README). The raw HTML is never rendered, and is sent back only
 * where DOMPurify leaves it as it is.
 */
function rawPieces(inner: string): string[] {
  // A template's content is inert: nothing in it runs or loads.
  const template = document.createElement('template');
  template.innerHTML = inner;
  const body = template.content;
  const pieces: string[] = [];
  let run = '';
  const flush = () => {
    if (run) pieces.push(run);
    run = '';
  };
  for (const node of body.childNodes) {
    const html = node.nodeType === 1 ? (node as Element).outerHTML : node.nodeType === 3 ? escapeText(node.nodeValue ?? '') : '';
    if (node.nodeType === 1 && BLOCK.test(node.nodeName)) {
      flush();
      pieces.push(html);
    } else if (node.nodeType === 3 && !node.nodeValue?.trim() && !run) {
      // Whitespace between blocks goes with the block before it.
      if (pieces.length) pieces[pieces.length - 1] += html;
      else run += html;
    } else run += html;
  }
  flush();
  return pieces;
}

const innerOf = (fragment: DocumentFragment) => {
  const holder = fragment.ownerDocument.createElement('div');
  holder.append(fragment.cloneNode(true));
  return holder.innerHTML;
};

const bodyInner = (html: string) => html.replace(/^\s*<body[^>]*>|<\/body>\s*$/gi, '');

/** A note from Close, read into the editor's document. */
export function readCallNote(note: string | null | undefined, noteHtml: string | null | undefined): ReadNote {
  if (!noteHtml?.trim()) return { doc: docFromText(note ?? ''), rich: false, segments: [] };
  const pieces = rawPieces(bodyInner(noteHtml));
  // Each piece sanitised on its own, in one DOMPurify pass: each in a <div> of ours.
  const wrapped = sanitizeNoteHtml(pieces.map((piece) => `<div>${piece}</div>`).join(''));
  const holders = [...wrapped.childNodes];
  const clean = holders.length === pieces.length && holders.every((h) => h.nodeName === 'DIV');
  const whole = clean ? wrapped : sanitizeNoteHtml(noteHtml);
  // A note without formatting is its text: a "*" in it is a star.
  const rich = clean ? holders.some((holder) => hasFormattingIn(holder as Element)) : hasFormattingIn(whole);
  if (!rich) return { doc: docFromText(textOfPlainHtml(whole)), rich: false, segments: [] };
  const segments: Segment[] = clean
    ? pieces.map((html, i) => {
        const holder = holders[i] as Element;
        // What Close sent, unless DOMPurify changed it: a payload is never laundered back into Close.
        return { html: holder.innerHTML === html ? html : holder.innerHTML, blocks: blocksOf(holder) };
      })
    : // The pieces did not come apart cleanly: one piece, sanitised.
      [{ html: innerOf(whole), blocks: blocksOf(whole) }];
  const blocks = segments.flatMap((s) => s.blocks);
  return { doc: blocks.length ? schema.node('doc', null, blocks) : emptyDoc(), rich: true, segments };
}

/** A piece's blocks; a piece with nothing left after DOMPurify (whitespace, a <script>) has none. */
function blocksOf(holder: globalThis.Node): Node[] {
  if (!holder.childNodes.length || (![...holder.childNodes].some((n) => n.nodeType === 1) && !holder.textContent?.trim())) return [];
  const blocks: Node[] = [];
  parser.parse(holder).forEach((block) => blocks.push(block));
  return blocks;
}

/** Blocks as HTML, written by the schema's serializer in an inert document. */
let inertDoc: Document | undefined;
export function htmlOfBlocks(blocks: readonly Node[]): string {
  const doc = (inertDoc ??= document.implementation.createHTMLDocument(''));
  const holder = doc.createElement('div');
  holder.append(serialize().serializeFragment(Fragment.fromArray([...blocks]), { document: doc }));
  return holder.innerHTML;
}

const sameBlocks = (a: readonly Node[], b: readonly Node[], at: number) => a.every((block, i) => b[at + i]?.eq(block));

/**
 * The note_html body for an edited rich note: the pieces the rep did not change, at the start
 * and at the end, as Close sent them; what lies between, written from the document.
 */
export function mergeHtml(segments: readonly Segment[], doc: Node): string {
  const blocks: Node[] = [];
  doc.forEach((block) => blocks.push(block));
  let first = 0;
  let from = 0;
  while (first < segments.length && sameBlocks(segments[first]!.blocks, blocks, from)) from += segments[first++]!.blocks.length;
  let last = segments.length - 1;
  let to = blocks.length;
  while (last >= first) {
    const { blocks: kept } = segments[last]!;
    if (to - kept.length < from || !sameBlocks(kept, blocks, to - kept.length)) break;
    to -= kept.length;
    last--;
  }
  const html = (list: readonly Segment[]) => list.map((s) => s.html).join('');
  return html(segments.slice(0, first)) + htmlOfBlocks(blocks.slice(from, to)) + html(segments.slice(last + 1));
}

/** HTML the editor wrote (a draft), read back: DOMPurify first, whitespace kept as written. */
export function docFromOwnHtml(html: string): Node {
  const doc = parser.parse(sanitizeNoteHtml(html), { preserveWhitespace: true });
  return doc.childCount ? doc : emptyDoc();
}
