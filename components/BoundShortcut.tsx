import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import { howToChangeKey, THIS_BROWSER } from '@/utils/shortcut-label';

/** Asks for the open-panel shortcut as bound now: '' when not set, undefined when there was no answer. */
export type ReadShortcut = () => Promise<string | undefined>;

/**
 * The shortcut as the browser reports it, read when the view opens (issue 14 point 6): the help
 * and the popup open anew each time, so a rebinding since shows the next time. undefined until
 * the answer is in, so nothing shows a shortcut that may not be the bound one.
 */
export function useBoundShortcut(read: ReadShortcut): string | undefined {
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    let live = true;
    void read()
      .then((value) => live && value !== undefined && setShortcut(value))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return shortcut;
}

/** The keys as keys, or the words "not set" (not styled as keys: there are none to press). */
export function ShortcutKeys({ shortcut }: { shortcut: string }) {
  return shortcut ? <kbd>{shortcut}</kbd> : <em class="not-set">{i18n.t('shortcut.notSet')}</em>;
}

/** How to change it in this browser (chrome://extensions/shortcuts, or Firefox's add-ons manager). */
export const howToChangeShortcut = () => i18n.t(howToChangeKey(THIS_BROWSER));
