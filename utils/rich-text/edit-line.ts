import { escapeHtml } from './escape';
import { linesFromHtml } from './from-html';
import { inlineHtml, parseInline, renderInline, sameMeaning, type Inline } from './markup';

// A paragraph from Close that the rep edited: its leading and trailing pieces (text, a
// mention, a colour, an <img>…) that the new line still starts and ends with keep their
// original HTML; only what lies between is rebuilt from markup. Done only when the result
// means exactly what the rep's line means (same text, bold, italic, links); otherwise the
// caller rebuilds the whole paragraph. Kept pieces are Close's own sanitised HTML, never the
// rep's text, so nothing the rep typed becomes markup this way.

const inlineOf = (node: Node): Inline[] => linesFromHtml(node)[0]?.children ?? [];
const htmlOf = (nodes: Node[]) => nodes.map((n) => (n.nodeType === 3 ? escapeHtml(n.nodeValue ?? '') : n instanceof Element ? n.outerHTML : '')).join('');

/** The paragraph `block` (sanitised) rewritten as `line`, or undefined to rebuild it whole. */
export function editParagraph(block: Element, line: string): string | undefined {
  const tag = block.tagName.toLowerCase();
  if ((tag !== 'p' && tag !== 'h1') || line.includes('\n')) return undefined;
  const children = [...block.childNodes];
  if (children.some((c) => c instanceof Element && ['br', 'hr', 'ul', 'p', 'h1'].includes(c.tagName.toLowerCase()))) return undefined;
  const pieces = children.map((node) => ({ node, markup: renderInline(inlineOf(node), false) }));
  // Each piece must read as itself alone (no escaping, no markers spanning pieces).
  if (pieces.some((p) => !sameMeaning(parseInline(p.markup), inlineOf(p.node)))) return undefined;

  let pre = 0;
  let at = 0;
  while (pre < pieces.length && line.startsWith(pieces[pre]!.markup, at)) at += pieces[pre++]!.markup.length;
  let post = 0;
  let end = line.length;
  while (post < pieces.length - pre) {
    const { markup } = pieces[pieces.length - 1 - post]!;
    if (end - markup.length < at || !line.slice(0, end).endsWith(markup)) break;
    end -= markup.length;
    post++;
  }
  if (!pre && !post) return undefined;
  const middle = parseInline(line.slice(at, end));
  const keptBefore = pieces.slice(0, pre).map((p) => p.node);
  const keptAfter = pieces.slice(pieces.length - post).map((p) => p.node);
  const result = [...keptBefore.flatMap(inlineOf), ...middle, ...keptAfter.flatMap(inlineOf)];
  if (!sameMeaning(result, parseInline(line))) return undefined;
  const open = (block.cloneNode(false) as Element).outerHTML.replace(/<\/[a-z0-9]+>$/i, '');
  return `${open}${htmlOf(keptBefore)}${inlineHtml(middle)}${htmlOf(keptAfter)}</${tag}>`;
}
