import { i18n } from '#i18n';
import type { Node } from 'prosemirror-model';
import type { NodeViewConstructor } from 'prosemirror-view';

// How the editor shows what the rep cannot edit: images as placeholders (nothing loads when a
// note opens: no tracking pixel), opaque elements (a table, an unknown tag) as their sanitised
// HTML made inert: no image, no link to follow, not editable. What is written back is the node's
// HTML (schema.ts), never this.

/** Sanitised HTML as inert DOM for display: images become placeholders, nothing loads or links. */
function inert(html: string, owner: Document): DocumentFragment {
  const template = owner.createElement('template');
  template.innerHTML = html;
  const content = template.content;
  content.querySelectorAll('img').forEach((img) => img.replaceWith(placeholder(img.getAttribute('alt'), owner)));
  content.querySelectorAll('[src],[href]').forEach((el) => {
    el.removeAttribute('src');
    el.removeAttribute('href');
  });
  return owner.importNode(content, true);
}

function placeholder(alt: string | null, owner: Document): HTMLElement {
  const span = owner.createElement('span');
  span.className = 'note-image';
  span.title = i18n.t('editor.image');
  span.textContent = alt ? `🖼 ${alt}` : '🖼';
  return span;
}

const opaque =
  (block: boolean): NodeViewConstructor =>
  (node: Node, view) => {
    const owner = view.dom.ownerDocument;
    const dom = owner.createElement(block ? 'div' : 'span');
    dom.className = block ? 'note-opaque note-opaque-block' : 'note-opaque';
    dom.contentEditable = 'false';
    dom.title = i18n.t('editor.kept');
    dom.append(inert(node.attrs.html as string, owner));
    return { dom, ignoreMutation: () => true };
  };

export const nodeViews: Record<string, NodeViewConstructor> = {
  opaque_block: opaque(true),
  opaque_inline: opaque(false),
  image: (node, view) => {
    const dom = placeholder(node.attrs.alt as string | null, view.dom.ownerDocument);
    dom.contentEditable = 'false';
    return { dom, ignoreMutation: () => true };
  },
};
