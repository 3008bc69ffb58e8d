import { i18n } from '#i18n';
import { useRef, useState } from 'preact/hooks';
import { trusted } from '@/utils/panel/trusted';

// Issue 15: the panel can be made as small as its title bar, to see the page under it, and
// opened up again, by this button in the title bar or Alt+M (utils/panel/keys.ts). Collapsed it
// is still the dialog it was, with its name; what it holds stays as it was (only hidden), and
// focus stays in it, on this button.

export function useCollapse() {
  const [collapsed, setCollapsed] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  /** `thenFocus`: where focus goes once expanded (the shortcut came from inside the panel's body). */
  const toggle = (thenFocus?: () => void) => {
    const next = !collapsed;
    setCollapsed(next);
    // Collapsing hides the focused control: focus goes to this button, never to Close's page.
    queueMicrotask(() => (next || !thenFocus ? buttonRef.current?.focus() : thenFocus()));
  };
  return { collapsed, toggle, buttonRef };
}

export function CollapseButton({ collapse }: { collapse: ReturnType<typeof useCollapse> }) {
  const { collapsed, toggle, buttonRef } = collapse;
  return (
    <button
      type="button"
      class="icon collapse"
      ref={buttonRef}
      aria-label={i18n.t(collapsed ? 'collapse.expand' : 'collapse.collapse')}
      aria-expanded={!collapsed}
      onClick={trusted(() => toggle())}
    >
      <span aria-hidden="true">{collapsed ? '+' : '−'}</span>
    </button>
  );
}
