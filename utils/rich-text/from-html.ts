import { LINK_URL, type Inline, type Line } from './markup';

// HTML (a sanitised note from Close, or sanitised pasted HTML) as lines of the Note box.
// Bold, italic, bullets and links are kept as structure; everything else becomes its text.

type Mark = { kind: 'strong' } | { kind: 'em' } | { kind: 'link'; href: string };

export interface FromHtmlOptions {
  /**
   * Pasted HTML: whitespace collapses as a browser renders it, empty lines are squeezed, and
   * bold/italic may come as styles (Word, Google Docs). A note from Close is read verbatim.
   */
  paste?: boolean;
}

const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'tr', 'section', 'article',
  'header', 'footer', 'dt', 'dd', 'hr', 'ul', 'ol', 'table', 'dl', 'figure', 'figcaption', 'address',
]);
const SKIP = new Set(['script', 'style', 'head', 'meta', 'title', 'template', 'noscript', 'img', 'svg', 'math', 'link']);

const styleOf = (el: Element) => (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
const boldStyle = (style: string): boolean | undefined => {
  const weight = /(?:^|;)font-weight:([a-z0-9]+)/.exec(style)?.[1];
  if (!weight) return undefined;
  return weight === 'bold' || weight === 'bolder' || Number(weight) >= 600;
};
const italicStyle = (style: string): boolean | undefined => {
  const value = /(?:^|;)font-style:([a-z]+)/.exec(style)?.[1];
  return value === undefined ? undefined : value === 'italic' || value === 'oblique';
};

export function linesFromHtml(root: Node, { paste = false }: FromHtmlOptions = {}): Line[] {
  const lines: Line[] = [];
  let current: Line | null = null;

  const open = (kind: Line['kind']) => {
    // A block inside a block that has nothing yet (<li><p>…) is the same line.
    if (current && !current.children.length) {
      if (kind === 'li') current.kind = 'li';
      return;
    }
    current = { kind, children: [] };
    lines.push(current);
  };
  const end = () => {
    current = null;
  };
  const text = (value: string, marks: Mark[]) => {
    let rest = paste ? value.replace(/[\s\u00a0]+/g, ' ') : value;
    if (paste && (!current || !current.children.length)) rest = rest.replace(/^ /, '');
    const parts = rest.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) {
        current = { kind: 'p', children: [] };
        lines.push(current);
      }
      if (!part) return;
      if (!current) open('p');
      append(current!.children, part, marks);
    });
  };

  const walk = (node: Node, marks: Mark[]) => {
    if (node.nodeType === 3) return text(node.nodeValue ?? '', marks);
    if (node.nodeType !== 1 && node.nodeType !== 11) return;
    if (node.nodeType === 11) return node.childNodes.forEach((child) => walk(child, marks));
    const el = node as Element;
    const tag = el.tagName.toLowerCase();
    if (SKIP.has(tag)) return;
    const style = styleOf(el);
    // Word's list bullets ("·" in a span marked mso-list:Ignore) are our "• ".
    if (paste && style.includes('mso-list:ignore')) return;
    if (tag === 'br') {
      if (!current) open('p');
      current = { kind: 'p', children: [] };
      lines.push(current);
      return;
    }
    if (tag === 'hr') {
      open('p');
      append(current!.children, '---', []);
      return end();
    }
    if ((tag === 'td' || tag === 'th') && current && current.children.length) text(' ', []);
    let next = marks;
    const add = (mark: Mark) => {
      if (!next.some((m) => m.kind === mark.kind)) next = [...next, mark];
    };
    const remove = (kind: Mark['kind']) => {
      next = next.filter((m) => m.kind !== kind);
    };
    const bold = boldStyle(style);
    const italic = italicStyle(style);
    if ((tag === 'strong' || tag === 'b') && bold !== false) add({ kind: 'strong' });
    if ((tag === 'em' || tag === 'i') && italic !== false) add({ kind: 'em' });
    if (paste && bold === true) add({ kind: 'strong' });
    if (paste && bold === false) remove('strong');
    if (paste && italic === true) add({ kind: 'em' });
    if (paste && italic === false) remove('em');
    if (tag === 'a') {
      const href = el.getAttribute('href')?.trim() ?? '';
      if (LINK_URL.test(href)) add({ kind: 'link', href });
    }
    const block = BLOCKS.has(tag);
    const item = tag === 'li' || (paste && tag === 'p' && /mso-list:/.test(style));
    if (block && tag !== 'ul' && tag !== 'ol' && tag !== 'table' && tag !== 'dl') open(item ? 'li' : 'p');
    else if (block) end();
    el.childNodes.forEach((child) => walk(child, next));
    if (block) end();
  };
  walk(root, []);
  return paste ? tidy(lines) : lines;
}

/** Appends text with the given marks, reusing the trailing nodes that carry the same marks. */
function append(children: Inline[], text: string, marks: Mark[]) {
  let list = children;
  for (const mark of marks) {
    const last = list.at(-1);
    if (last && last.kind === mark.kind && (last.kind !== 'link' || (mark.kind === 'link' && last.href === mark.href))) {
      list = (last as { children: Inline[] }).children;
    } else {
      const node: Inline = mark.kind === 'link' ? { kind: 'link', href: mark.href, children: [] } : { kind: mark.kind, children: [] };
      list.push(node);
      list = node.children;
    }
  }
  const last = list.at(-1);
  if (last?.kind === 'text') last.text += text;
  else list.push({ kind: 'text', text });
}

/** Pasted lines: no trailing spaces, no empty formatting, at most one empty line in a row. */
function tidy(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    line.children = prune(line.children);
    trimEnd(line.children);
    line.children = prune(line.children);
    const empty = !line.children.length;
    if (empty && (!out.length || !out.at(-1)!.children.length)) continue;
    out.push(empty ? { kind: 'p', children: [] } : line);
  }
  while (out.length && !out.at(-1)!.children.length) out.pop();
  return out;
}

function prune(nodes: Inline[]): Inline[] {
  return nodes.flatMap((node): Inline[] => {
    if (node.kind === 'text') return node.text ? [node] : [];
    const children = prune(node.children);
    return children.length ? [{ ...node, children }] : [];
  });
}

function trimEnd(nodes: Inline[]) {
  const last = nodes.at(-1);
  if (!last) return;
  if (last.kind === 'text') last.text = last.text.replace(/ +$/, '');
  else trimEnd(last.children);
}
