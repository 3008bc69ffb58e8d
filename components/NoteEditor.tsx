import { i18n } from '#i18n';
import type { Ref } from 'preact';
import { useEffect, useImperativeHandle, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Slice } from 'prosemirror-model';
import { EditorState, Selection, type Command, type Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { trusted } from '@/utils/panel/trusted';
import { docOfNote, noteOfDoc, sameNote, type NoteContent } from '@/utils/note-content';
import { commands, notePlugins, type FormatCommand } from '@/utils/note-editor/commands';
import { docFromText } from '@/utils/note-editor/document';
import { nodeViews } from '@/utils/note-editor/node-views';
import { MAX_PASTE, pasteParser, sliceOfPastedHtml } from '@/utils/note-editor/paste';
import { matchTemplates, slashAt, type Slash } from '@/utils/note-editor/slash';
import { sanitizePastedHtml } from '@/utils/note-html';

import { settings, type Template } from '@/utils/settings';
import { TEMPLATE_MENU_ID, TemplateMenu, templateOptionId } from './TemplateMenu';
import { useSetting } from './use-setting';

interface NoteEditorProps {
  value: NoteContent;
  onChange: (value: NoteContent) => void;
  error?: string;
  editorRef?: Ref<{ focus(): void }>;
}

const isMac = () => /mac|iphone|ipad/i.test(navigator.platform || navigator.userAgent);
const NO_TEMPLATES: Template[] = [];
/** Set on the transactions our own buttons, templates and pastes make (each behind a trusted event). */
const OWN = 'quick-edit-own';
/** How long after a real key press, input or paste the editor accepts a change it reads from its DOM. */
const TRUSTED_WINDOW_MS = 1000;
const INPUT_EVENTS = ['keydown', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionupdate', 'compositionend', 'cut', 'drop', 'dragstart', 'paste'];

/** The caret after the last word, as a textarea's is when its value is set: a rep opens a note to add to it. */
const newState = (value: NoteContent) => {
  const doc = docOfNote(value);
  return EditorState.create({ doc, selection: Selection.atEnd(doc), plugins: notePlugins() });
};

/**
 * The Note box: a ProseMirror editor (UI-CONTRACT: a multi-line textbox labelled Note) that
 * shows Close's formatting as formatting, with formatting buttons and shortcuts, clean pasting,
 * and templates on "/". Every change goes out through onChange, so drafts and saving see it.
 */
export function NoteEditor({ value, onChange, error, editorRef }: NoteEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView>();
  // Kept current: templates edited on the options page reach an open panel.
  const templates = useSetting(settings.templates)[0] ?? NO_TEMPLATES;
  const [slash, setSlash] = useState<Slash>();
  const [active, setActive] = useState(0);
  const [focusedButton, setFocusedButton] = useState(0);
  const [pasteError, setPasteError] = useState(false);
  // The "/" the rep closed the menu for with Esc: not offered again until the line changes.
  const dismissed = useRef<number>();
  const lastTrusted = useRef(0);

  const options = slash ? matchTemplates(templates, slash.query) : [];
  const menuOpen = options.length > 0;
  const noTemplates = !!slash && templates.length === 0;
  const activeIndex = Math.min(active, options.length - 1);

  // What the key handler (set once, at mount) needs to see of this render.
  const live = useRef({ onChange, options, activeIndex, menuOpen, noTemplates, slash });
  live.current = { onChange, options, activeIndex, menuOpen, noTemplates, slash };

  function refreshSlash(state: EditorState) {
    const found = slashAt(state);
    if (!found) dismissed.current = undefined;
    const next = found && found.from !== dismissed.current ? found : undefined;
    setSlash((prev) => {
      if (next?.query !== prev?.query || next?.from !== prev?.from) setActive(0);
      return next;
    });
  }

  /** Runs one of our commands on the editor, marked as ours (it follows a trusted event). */
  function run(command: Command) {
    const v = view.current;
    if (!v) return;
    command(v.state, (tr) => v.dispatch(tr.setMeta(OWN, true)));
    v.focus();
  }

  function insertTemplate(template: Template) {
    const v = view.current;
    const at = live.current.slash;
    if (!v || !at) return;
    setSlash(undefined);
    // The template's text is text: its "*" or "<b>" are characters, never formatting.
    const slice = new Slice(docFromText(template.body).content, 1, 1);
    v.dispatch(v.state.tr.replaceRange(at.from, at.to, slice).scrollIntoView().setMeta(OWN, true));
    v.focus();
  }
  const pick = useRef(insertTemplate);
  pick.current = insertTemplate;

  function onKey(event: KeyboardEvent): boolean {
    const { menuOpen: open, noTemplates: none, options: list, activeIndex: index } = live.current;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (open && plain) {
      const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      if (move && !event.shiftKey) {
        setActive((i) => (Math.min(i, list.length - 1) + move + list.length) % list.length);
        return true;
      }
      if ((event.key === 'Enter' || event.key === 'Tab') && !event.shiftKey) {
        event.stopPropagation();
        pick.current(list[index]!);
        return true;
      }
    }
    if ((open || none) && event.key === 'Escape' && plain) {
      // Closes the menu only: the panel stays open, the typed "/…" stays.
      event.stopPropagation();
      dismissed.current = live.current.slash?.from;
      setSlash(undefined);
      return true;
    }
    return false;
  }
  const keyHandler = useRef(onKey);
  keyHandler.current = onKey;

  function paste(v: EditorView, event: ClipboardEvent): boolean {
    event.preventDefault();
    const html = event.clipboardData?.getData('text/html') ?? '';
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (html.length > MAX_PASTE || text.length > MAX_PASTE) {
      setPasteError(true);
      return true;
    }
    setPasteError(false);
    const slice = html.trim() ? sliceOfPastedHtml(html) : new Slice(docFromText(text).content, 1, 1);
    v.dispatch(v.state.tr.replaceSelection(slice).scrollIntoView().setMeta(OWN, true).setMeta('uiEvent', 'paste'));
    return true;
  }

  useLayoutEffect(() => {
    const mount = host.current!;
    const v = new EditorView(mount, {
      state: newState(value),
      nodeViews,
      clipboardParser: pasteParser(),
      // A drop from outside is HTML like a paste: through DOMPurify first.
      transformPastedHTML: (html) => {
        const holder = document.createElement('div');
        holder.append(sanitizePastedHtml(html.length > MAX_PASTE ? '' : html));
        return holder.innerHTML;
      },
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-labelledby': 'quick-edit-note-label', id: 'quick-edit-note', class: 'note-box', spellcheck: 'true' },
      handleKeyDown: (_v, event) => {
        // Page scripts can dispatch keys into our open shadow root; only real key presses act.
        if (!event.isTrusted) return true;
        return keyHandler.current(event);
      },
      handlePaste: (v2, event) => (event.isTrusted ? paste(v2, event) : true),
      handleDrop: (_v, event) => !event.isTrusted,
      handleDOMEvents: Object.fromEntries(
        INPUT_EVENTS.map((type) => [
          type,
          (_v: EditorView, event: Event) => {
            if (!event.isTrusted) {
              event.preventDefault();
              return true;
            }
            lastTrusted.current = Date.now();
            // ProseMirror would cancel Esc (the panel's Close); we handle it: the template menu's, or the panel's.
            if (type === 'keydown' && (event as KeyboardEvent).key === 'Escape') {
              if (keyHandler.current(event as KeyboardEvent)) event.preventDefault();
              return true;
            }
            return false;
          },
        ]),
      ),
      dispatchTransaction(tr: Transaction) {
        // A change read from the editor's DOM counts only right after a real key press, input or
        // paste: a page script that edits our DOM directly (the shadow root is open) changes nothing.
        if (tr.docChanged && !tr.getMeta(OWN) && !tr.getMeta('history$') && Date.now() - lastTrusted.current > TRUSTED_WINDOW_MS) {
          const state = v.state;
          v.updateState(state.apply(state.tr.replaceWith(0, state.doc.content.size, state.doc.content).setMeta('addToHistory', false)));
          return;
        }
        const before = v.state.doc;
        v.updateState(v.state.apply(tr));
        refreshSlash(v.state);
        if (!before.eq(v.state.doc)) live.current.onChange(noteOfDoc(v.state.doc));
      },
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = undefined;
    };
  }, []);

  // A new value from outside (call switch, draft restored, Use theirs, Undo): shown, with a fresh history.
  useLayoutEffect(() => {
    const v = view.current;
    if (!v || sameNote(value, noteOfDoc(v.state.doc))) return;
    v.updateState(newState(value));
    setSlash(undefined);
  }, [value]);

  useImperativeHandle(editorRef ?? null, () => ({ focus: () => view.current?.focus() }), []);

  // The textbox's ARIA state follows this render (ProseMirror owns the element's other attributes).
  const describedBy = [error || pasteError ? 'quick-edit-note-hint' : undefined, noTemplates ? 'quick-edit-templates-empty' : undefined].filter(Boolean).join(' ');
  useEffect(() => {
    const dom = view.current?.dom;
    if (!dom) return;
    const set = (name: string, on: string | undefined) => (on === undefined ? dom.removeAttribute(name) : dom.setAttribute(name, on));
    set('aria-describedby', describedBy || undefined);
    // A textbox, not a combobox (it is the Note box first): ARIA 1.2 lets a textbox say it
    // has a listbox popup and point at its active option, but not be "expanded".
    set('aria-haspopup', templates.length ? 'listbox' : undefined);
    set('aria-controls', menuOpen ? TEMPLATE_MENU_ID : undefined);
    set('aria-activedescendant', menuOpen ? templateOptionId(activeIndex) : undefined);
    set('aria-autocomplete', menuOpen ? 'list' : undefined);
    set('aria-invalid', error ? 'true' : undefined);
  });

  const mod = isMac() ? '⌘' : 'Ctrl';
  const buttons: { command: FormatCommand; label: string; tip: string; keys: string; glyph: string }[] = [
    { command: 'bold', label: i18n.t('editor.bold'), tip: i18n.t('editor.boldTip', [mod]), keys: 'Control+B Meta+B', glyph: 'B' },
    { command: 'italic', label: i18n.t('editor.italic'), tip: i18n.t('editor.italicTip', [mod]), keys: 'Control+I Meta+I', glyph: 'I' },
    { command: 'bullets', label: i18n.t('editor.list'), tip: i18n.t('editor.listTip', [mod]), keys: 'Control+Shift+8 Meta+Shift+8', glyph: '•' },
    { command: 'numbers', label: i18n.t('editor.numbers'), tip: i18n.t('editor.numbersTip', [mod]), keys: 'Control+Shift+7 Meta+Shift+7', glyph: '' },
  ];
  const toolbar = useRef<HTMLDivElement>(null);
  function onToolbarKey(event: KeyboardEvent) {
    // One tab stop for the toolbar; arrows move between its buttons (WAI-ARIA toolbar).
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = (focusedButton + step + buttons.length) % buttons.length;
    setFocusedButton(next);
    toolbar.current?.querySelectorAll('button')[next]?.focus();
  }

  return (
    <div class="field note-editor">
      <span class="label" id="quick-edit-note-label" onClick={() => view.current?.focus()}>
        {i18n.t('editor.label')}
      </span>
      <div class="note-toolbar" role="toolbar" aria-label={i18n.t('editor.formatting')} aria-controls="quick-edit-note" ref={toolbar} onKeyDown={onToolbarKey}>
        {buttons.map((button, i) => (
          <button
            key={button.command}
            type="button"
            class={`format format-${button.command}`}
            aria-label={button.label}
            aria-keyshortcuts={button.keys}
            title={button.tip}
            tabIndex={i === focusedButton ? 0 : -1}
            // The Note box keeps its focus and selection when a button is clicked.
            onMouseDown={(e) => e.preventDefault()}
            onFocus={() => setFocusedButton(i)}
            onClick={trusted(() => run(commands[button.command]))}
          >
            {button.glyph}
          </button>
        ))}
      </div>
      <div class="note-host" ref={host} onFocusOut={() => setSlash(undefined)} />
      {menuOpen && <TemplateMenu options={options} active={activeIndex} onPick={insertTemplate} />}
      <p class="hint template-empty" id="quick-edit-templates-empty" aria-live="polite">
        {noTemplates ? i18n.t('templates.empty') : ''}
      </p>
      {(error || pasteError) && (
        <span id="quick-edit-note-hint" class="field-error" role={pasteError && !error ? 'alert' : undefined}>
          {error ?? i18n.t('editor.pasteTooLarge')}
        </span>
      )}
    </div>
  );
}
