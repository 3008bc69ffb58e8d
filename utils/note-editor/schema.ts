import { Schema, type DOMOutputSpec, type Mark, type Node, type NodeSpec, type MarkSpec, type TagParseRule } from 'prosemirror-model';

// Close's rich-text subset (FACTS.md: h1, p, em, strong, b, i, u, s, span colour, code, ul/li,
// a href, img, hr, mentions) as a ProseMirror schema, plus what TipTap (Close's editor) writes
// around it: ordered lists, h2–h6, <li><p>…</p></li>, link target/rel. Each element keeps the
// tag it came as (<b> stays <b>). An element, or an attribute, the schema does not model becomes
// an `opaque_block` / `opaque_inline` node: uneditable, shown sanitised, written back as it came.

/** The element's attributes are all among `allowed` (else the element is kept opaque). */
const onlyAttrs = (el: HTMLElement, allowed: readonly string[]) =>
  [...el.attributes].every((attr) => allowed.includes(attr.name));

/** Attributes of `el` among `names`, as a node's or mark's attrs (null when absent). */
const attrsOf = (el: HTMLElement, names: readonly string[]) =>
  Object.fromEntries(names.map((name) => [name, el.getAttribute(name)]));

/** Attributes to write back: only those that were there. */
const present = (attrs: Record<string, unknown>, names: readonly string[]) =>
  Object.fromEntries(names.filter((name) => attrs[name] != null).map((name) => [name, String(attrs[name])]));

/** A colour and nothing else: no url(), var(), expression() or a second declaration. */
export const COLOR_STYLE = /^\s*color\s*:\s*(?:#[0-9a-f]{3,8}|[a-z]{3,20}|(?:rgb|rgba|hsl|hsla)\(\s*[\d.%\s,/]+\))\s*;?\s*$/i;

const colorOf = (el: HTMLElement) => /color\s*:\s*([^;]+?)\s*;?\s*$/i.exec(el.getAttribute('style') ?? '')![1]!;

/** HTML's phrasing elements: an unmodelled one is kept inline, anything else as a block. */
const PHRASING = new Set(
  'a abbr b bdi bdo br cite code data del dfn em font i img ins kbd mark q s samp small span strike strong sub sup time tt u var wbr big'.split(' '),
);
export const isPhrasing = (el: Element) => PHRASING.has(el.tagName.toLowerCase());

/** Tag-keeping rule: `tag` parses to the node or mark when it has no attribute beyond `attrs`. */
const keeping = (tag: string, attrs: readonly string[] = []): TagParseRule => ({
  tag,
  getAttrs: (el) => (onlyAttrs(el, attrs) ? { tag, ...attrsOf(el, attrs) } : false),
});

const tagAttr = (fallback: string) => ({ tag: { default: fallback } });

const LINK_ATTRS = ['href', 'target', 'rel', 'title'] as const;
const IMAGE_ATTRS = ['src', 'alt', 'title', 'width', 'height'] as const;
const MENTION_ATTRS = ['data-type', 'data-id', 'data-label', 'class'] as const;

const nodes = {
  doc: { content: 'block+' },
  paragraph: {
    group: 'block',
    content: 'inline*',
    parseDOM: [
      keeping('p'),
      // A bare <span> means nothing: its content is read, the span is not kept.
      { tag: 'span', skip: true, getAttrs: (el) => (el.attributes.length ? false : null) },
    ],
    toDOM: () => ['p', 0],
  },
  heading: {
    group: 'block',
    content: 'inline*',
    defining: true,
    attrs: { level: { default: 1 } },
    parseDOM: [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, getAttrs: (el: HTMLElement) => (onlyAttrs(el, []) ? { level } : false) })),
    toDOM: (node) => [`h${node.attrs.level}`, 0],
  },
  bullet_list: {
    group: 'block',
    content: 'list_item+',
    parseDOM: [keeping('ul')],
    toDOM: () => ['ul', 0],
  },
  ordered_list: {
    group: 'block',
    content: 'list_item+',
    attrs: { start: { default: null } },
    parseDOM: [keeping('ol', ['start'])],
    toDOM: (node) => ['ol', present(node.attrs, ['start']), 0],
  },
  list_item: {
    // TipTap's shape: a paragraph first, then blocks (nested lists).
    content: 'paragraph block*',
    defining: true,
    parseDOM: [keeping('li')],
    toDOM: () => ['li', 0],
  },
  horizontal_rule: {
    group: 'block',
    parseDOM: [keeping('hr')],
    toDOM: () => ['hr'],
  },
  opaque_block: {
    group: 'block',
    atom: true,
    selectable: true,
    attrs: { html: {}, text: { default: '' } },
    // Lowest priority: only what no rule above takes (a table, <pre>, <p class="x">).
    parseDOM: [{ tag: '*', priority: 0, getAttrs: (el) => ({ html: el.outerHTML, text: el.textContent ?? '' }) }],
    toDOM: (node) => fromHtml(node.attrs.html as string),
    leafText: (node) => node.attrs.text as string,
  },
  text: { group: 'inline' },
  hard_break: {
    group: 'inline',
    inline: true,
    selectable: false,
    parseDOM: [keeping('br')],
    toDOM: () => ['br'],
    leafText: () => '\n',
  },
  mention: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { id: {}, label: { default: null }, text: { default: '' } },
    parseDOM: [
      {
        tag: 'span[data-type="mention"]',
        priority: 60,
        getAttrs: (el) =>
          onlyAttrs(el, MENTION_ATTRS) && el.getAttribute('class') === 'mention' && el.hasAttribute('data-id') && !el.querySelector('*')
            ? { id: el.getAttribute('data-id'), label: el.getAttribute('data-label'), text: el.textContent ?? '' }
            : false,
      },
    ],
    toDOM: (node) => [
      'span',
      { 'data-type': 'mention', 'data-id': node.attrs.id, ...(node.attrs.label != null && { 'data-label': node.attrs.label }), class: 'mention' },
      node.attrs.text,
    ],
    leafText: (node) => node.attrs.text as string,
  },
  image: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: Object.fromEntries(IMAGE_ATTRS.map((name) => [name, { default: null }])),
    parseDOM: [{ tag: 'img', getAttrs: (el) => (onlyAttrs(el, IMAGE_ATTRS) ? attrsOf(el, IMAGE_ATTRS) : false) }],
    toDOM: (node) => ['img', present(node.attrs, IMAGE_ATTRS)],
    leafText: () => '',
  },
  opaque_inline: {
    group: 'inline',
    inline: true,
    atom: true,
    attrs: { html: {}, text: { default: '' } },
    parseDOM: [
      {
        tag: '*',
        priority: 1,
        getAttrs: (el) => (isPhrasing(el) ? { html: el.outerHTML, text: el.textContent ?? '' } : false),
      },
    ],
    toDOM: (node) => fromHtml(node.attrs.html as string),
    leafText: (node) => node.attrs.text as string,
  },
} satisfies Record<string, NodeSpec>;

const marks = {
  // Outermost first: the order marks are written in (a link around bold text, as TipTap does).
  link: {
    attrs: Object.fromEntries(LINK_ATTRS.map((name) => [name, { default: null }])),
    inclusive: false,
    parseDOM: [{ tag: 'a[href]', getAttrs: (el) => (onlyAttrs(el, LINK_ATTRS) ? attrsOf(el, LINK_ATTRS) : false) }],
    toDOM: (mark) => ['a', present(mark.attrs, LINK_ATTRS), 0],
  },
  color: {
    attrs: { style: {} },
    parseDOM: [
      {
        tag: 'span[style]',
        // One spelling of the colour (DOM implementations write `color: red;` or `color: red`).
        getAttrs: (el) => (onlyAttrs(el, ['style']) && COLOR_STYLE.test(el.getAttribute('style') ?? '') ? { style: `color: ${colorOf(el)}` } : false),
      },
    ],
    // Not ['span', { style }]: ProseMirror would set style.cssText, which rewrites the colour (#958DF1 -> rgb(…)).
    toDOM: (mark) => {
      const span = document.createElement('span');
      span.setAttribute('style', mark.attrs.style as string);
      return { dom: span, contentDOM: span };
    },
  },
  strong: { attrs: tagAttr('strong'), parseDOM: [keeping('strong'), keeping('b')], toDOM: tagged },
  em: { attrs: tagAttr('em'), parseDOM: [keeping('em'), keeping('i')], toDOM: tagged },
  underline: { attrs: tagAttr('u'), parseDOM: [keeping('u')], toDOM: tagged },
  strike: { attrs: tagAttr('s'), parseDOM: [keeping('s'), keeping('strike'), keeping('del')], toDOM: tagged },
  code: { attrs: tagAttr('code'), excludes: '_', parseDOM: [keeping('code')], toDOM: tagged },
} satisfies Record<string, MarkSpec>;

function tagged(mark: Mark): DOMOutputSpec {
  return [mark.attrs.tag as string, 0];
}

/**
 * An opaque node's HTML as DOM, for writing it back (and for the clipboard). The HTML is
 * DOMPurify's output; a <template> parses it without running or loading anything.
 */
function fromHtml(html: string): DOMOutputSpec {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild ?? document.createElement('span');
}

export const schema = new Schema<keyof typeof nodes, keyof typeof marks>({ nodes, marks });

/** Does a document hold anything a plain `note` would lose (any node but paragraphs of text, any mark)? */
export function isRichDoc(doc: Node): boolean {
  let rich = false;
  doc.descendants((node) => {
    if (rich) return false;
    if (node.marks.length || !['paragraph', 'text', 'hard_break'].includes(node.type.name)) rich = true;
    return !rich;
  });
  return rich;
}
