import { useEffect, useState } from 'preact/hooks';

/** What components need of a settings item (utils/settings.ts): read it, and hear of changes. */
export interface SettingItem<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/**
 * The stored value (undefined while loading), kept current when it changes elsewhere: another
 * settings tab, the options page while the panel is open, or the panel on a Close page (dragging
 * sets the panel position).
 */
export function useSetting<T>(item: SettingItem<T>): [T | undefined, (value: T) => void] {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void item.get().then((stored) => live && setValue(() => stored));
    const unwatch = item.watch((changed) => setValue(() => changed));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return [value, (next: T) => setValue(() => next)];
}
