import { i18n } from '#i18n';
import type { Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { trusted } from '@/utils/content/trusted';
import { pastedMarkup } from '@/utils/note-html';
import { toggleInline, toggleList, type Edit } from '@/utils/rich-text/commands';
import { matchTemplates, slashQuery, type SlashQuery } from '@/utils/rich-text/slash';
import { settings, type Template } from '@/utils/settings';
import { TEMPLATE_MENU_ID, TemplateMenu, templateOptionId } from './TemplateMenu';
import { useSetting } from './use-setting';

interface NoteEditorProps {
  value: string;
  onInput: (value: string) => void;
  rich: boolean;
  error?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
}

type Command = 'bold' | 'italic' | 'list';

const isMac = () => /mac|iphone|ipad/i.test(navigator.platform || navigator.userAgent);

/** The command a key press in the Note box asks for: Ctrl/Cmd+B, Ctrl/Cmd+I, Ctrl/Cmd+Shift+8. */
export function commandForKey(event: KeyboardEvent): Command | undefined {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return undefined;
  const key = event.key.toLowerCase();
  if (!event.shiftKey && key === 'b') return 'bold';
  if (!event.shiftKey && key === 'i') return 'italic';
  if (event.shiftKey && (event.code === 'Digit8' || key === '*' || key === '8')) return 'list';
  return undefined;
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * The Note box: a <textarea> (UI-CONTRACT: a multi-line text box labelled Note) whose text
 * carries light markup, formatting buttons and shortcuts, clean pasting, and templates on "/".
 * Every change goes out through onInput, so drafts and saving see it like typing.
 */
const NO_TEMPLATES: Template[] = [];

export function NoteEditor({ value, onInput, rich, error, textareaRef }: NoteEditorProps) {
  const box = useRef<HTMLTextAreaElement | null>(null);
  // Kept current: templates edited on the options page reach an open panel.
  const templates = useSetting(settings.templates)[0] ?? NO_TEMPLATES;
  const [slash, setSlash] = useState<SlashQuery>();
  const [active, setActive] = useState(0);
  const [focusedButton, setFocusedButton] = useState(0);
  // The "/" the rep closed the menu for with Esc: not offered again until the line changes.
  const dismissed = useRef<number>();

  const options = slash ? matchTemplates(templates, slash.query) : [];
  const menuOpen = options.length > 0;
  const noTemplates = !!slash && templates.length === 0;

  /** Looks at the caret: is it at the end of a "/query" that starts a line? */
  function refreshSlash() {
    const el = box.current;
    if (!el) return;
    const found = el.selectionStart === el.selectionEnd ? slashQuery(el.value, el.selectionStart) : undefined;
    if (!found) dismissed.current = undefined;
    const next = found && found.start !== dismissed.current ? found : undefined;
    if (next?.query !== slash?.query || next?.start !== slash?.start) setActive(0);
    setSlash(next);
  }

  /**
   * One change to the text as one step of the browser's own undo history where it can
   * (execCommand keeps Ctrl+Z working in a textarea); setRangeText where it cannot.
   */
  function apply(edit: Edit) {
    const el = box.current;
    if (!el) return;
    const before = el.value;
    const expected = before.slice(0, edit.from) + edit.insert + before.slice(edit.to);
    el.focus();
    el.setSelectionRange(edit.from, edit.to);
    let done = false;
    try {
      done = edit.insert
        ? document.execCommand('insertText', false, edit.insert)
        : edit.from === edit.to || document.execCommand('delete');
    } catch {
      done = false;
    }
    if (!done || el.value !== expected) {
      if (el.value !== before) el.value = before;
      el.setRangeText(edit.insert, edit.from, edit.to);
    }
    el.setSelectionRange(edit.selection.start, edit.selection.end);
    onInput(el.value);
    refreshSlash();
  }

  function run(command: Command) {
    const el = box.current;
    if (!el) return;
    const selection = { start: el.selectionStart, end: el.selectionEnd };
    apply(command === 'list' ? toggleList(el.value, selection) : toggleInline(el.value, selection, command));
  }

  function insertTemplate(template: Template) {
    const el = box.current;
    if (!el || !slash) return;
    const end = slash.start + 1 + slash.query.length;
    const at = slash.start + template.body.length;
    setSlash(undefined);
    apply({ from: slash.start, to: end, insert: template.body, selection: { start: at, end: at } });
  }

  function onKeyDown(event: KeyboardEvent) {
    // Page scripts can dispatch keys into our open shadow root; only real key presses act.
    if (!event.isTrusted || event.isComposing) return;
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (menuOpen && plain) {
      const move = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0;
      if (move && !event.shiftKey) {
        event.preventDefault();
        return setActive((i) => (i + move + options.length) % options.length);
      }
      if ((event.key === 'Enter' && !event.shiftKey) || (event.key === 'Tab' && !event.shiftKey)) {
        event.preventDefault();
        event.stopPropagation();
        return insertTemplate(options[Math.min(active, options.length - 1)]!);
      }
    }
    if ((menuOpen || noTemplates) && event.key === 'Escape' && plain) {
      // Closes the menu only: the panel stays open, the typed "/…" stays.
      event.preventDefault();
      event.stopPropagation();
      dismissed.current = slash?.start;
      return setSlash(undefined);
    }
    const command = commandForKey(event);
    if (command) {
      event.preventDefault();
      return run(command);
    }
  }

  function onPaste(event: ClipboardEvent) {
    if (!event.isTrusted) return event.preventDefault();
    const html = event.clipboardData?.getData('text/html');
    // Plain text pastes natively (and stays one undo step).
    if (!html?.trim()) return;
    const markup = pastedMarkup(html);
    const el = event.currentTarget as HTMLTextAreaElement;
    event.preventDefault();
    const insert = markup || (event.clipboardData?.getData('text/plain') ?? '');
    const at = el.selectionStart + insert.length;
    apply({ from: el.selectionStart, to: el.selectionEnd, insert, selection: { start: at, end: at } });
  }

  const mod = isMac() ? '⌘' : 'Ctrl';
  const buttons: { command: Command; label: string; tip: string; keys: string; glyph: string }[] = [
    { command: 'bold', label: i18n.t('editor.bold'), tip: i18n.t('editor.boldTip', [mod]), keys: 'Control+B Meta+B', glyph: 'B' },
    { command: 'italic', label: i18n.t('editor.italic'), tip: i18n.t('editor.italicTip', [mod]), keys: 'Control+I Meta+I', glyph: 'I' },
    { command: 'list', label: i18n.t('editor.list'), tip: i18n.t('editor.listTip', [mod]), keys: 'Control+Shift+8 Meta+Shift+8', glyph: '•' },
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

  const hintId = rich || error ? 'quick-edit-note-hint' : undefined;
  return (
    <div class="field note-editor">
      <label class="label" for="quick-edit-note">
        {i18n.t('editor.label')}
      </label>
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
            onClick={trusted(() => run(button.command))}
          >
            {button.glyph}
          </button>
        ))}
        <span class="note-syntax">{i18n.t('editor.syntax')}</span>
      </div>
      <textarea
        id="quick-edit-note"
        ref={(el) => {
          box.current = el;
          setRef(textareaRef, el);
        }}
        aria-describedby={[hintId, noTemplates ? 'quick-edit-templates-empty' : undefined].filter(Boolean).join(' ') || undefined}
        // A textbox, not a combobox (it is the Note box first): ARIA 1.2 lets a textbox say it
        // has a listbox popup and point at its active option, but not be "expanded".
        aria-haspopup={templates.length ? 'listbox' : undefined}
        aria-controls={menuOpen ? TEMPLATE_MENU_ID : undefined}
        aria-activedescendant={menuOpen ? templateOptionId(Math.min(active, options.length - 1)) : undefined}
        aria-autocomplete={menuOpen ? 'list' : undefined}
        rows={6}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        onInput={(e) => {
          onInput(e.currentTarget.value);
          refreshSlash();
        }}
        onKeyDown={onKeyDown}
        onKeyUp={(e) => {
          if (/^(?:Arrow|Home|End|Page)/.test(e.key) && !(menuOpen && /^Arrow(?:Up|Down)$/.test(e.key))) refreshSlash();
        }}
        onClick={refreshSlash}
        onBlur={() => setSlash(undefined)}
        onPaste={onPaste}
      />
      {menuOpen && <TemplateMenu options={options} active={Math.min(active, options.length - 1)} onPick={insertTemplate} />}
      <p class="hint template-empty" id="quick-edit-templates-empty" aria-live="polite">
        {noTemplates ? i18n.t('templates.empty') : ''}
      </p>
      {(rich || error) && (
        <span id="quick-edit-note-hint" class={error ? 'field-error' : 'hint'}>
          {error ?? i18n.t('editor.richHint')}
        </span>
      )}
    </div>
  );
}
