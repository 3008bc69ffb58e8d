import { DOMParser as PMDOMParser, Slice, type TagParseRule } from 'prosemirror-model';
import { sanitizePastedHtml } from '../note-html';
import { schema } from './schema';

// Pasting into the Note box. HTML from the clipboard goes through DOMPurify (note-html.ts) and
// then into the schema by a parser of its own: structure, links, bold and italic become the
// editor's; anything else is read as its text (no opaque nodes from a paste: they would be sent
// to Close as markup the rep never saw made). Plain text is pasted as text, line by line.

/** More than this much pasted HTML (Word can put megabytes on the clipboard) is refused, not frozen on. */
export const MAX_PASTE = 5_000_000;

const markSpec = (name: string) => schema.spec.marks.get(name)!;

/** The paste parser's rules: the schema's own, less the opaque catch-alls and images. */
function pasteRules(): TagParseRule[] {
  const rules: TagParseRule[] = [];
  schema.spec.nodes.forEach((name, node) => {
    if (name.startsWith('opaque') || name === 'image') return;
    for (const rule of node.parseDOM ?? []) {
      // Pasted HTML has no attributes beyond href and style: a tag is the tag.
      if ('tag' in rule && rule.tag === 'span') rules.push({ tag: 'span', skip: true });
      else if ('tag' in rule) rules.push({ ...rule, node: name, getAttrs: undefined, attrs: name === 'heading' ? { level: Number(rule.tag!.slice(1)) } : undefined });
    }
  });
  const tags: Record<string, string[]> = { strong: ['strong', 'b'], em: ['em', 'i'], underline: ['u'], strike: ['s', 'strike', 'del'], code: ['code'] };
  for (const [mark, list] of Object.entries(tags)) for (const tag of list) rules.push({ tag, mark, attrs: { tag: markSpec(mark).attrs?.tag?.default as string } });
  rules.push({ tag: 'a[href]', mark: 'link', getAttrs: (el) => ({ href: el.getAttribute('href') }) });
  // Google Docs wraps a whole paste in <b style="font-weight:normal">: not bold.
  rules.unshift({ tag: 'b', priority: 60, getAttrs: (el) => (/font-weight:normal/.test(el.getAttribute('style') ?? '') ? null : false), skip: true });
  return rules;
}

let parser: PMDOMParser | undefined;
export const pasteParser = () => (parser ??= new PMDOMParser(schema, pasteRules()));

/** Pasted HTML as a slice of the schema (sanitised first). */
export function sliceOfPastedHtml(html: string): Slice {
  return pasteParser().parseSlice(sanitizePastedHtml(html));
}
