import { browser } from 'wxt/browser';
import type { CallId } from '../close/ids';

/**
 * utils/draft-store.ts's keys are `draft:<call id>` in storage.local (a test keeps them equal).
 * Read raw here: the content script must not bundle WXT's storage (BENCHMARKS.md).
 */
export const DRAFT_PREFIX = 'draft:';

/** Text the rep still has to save: a draft handed to a save (`saveId`, older `jobId`) is on its way to Close. */
const unsaved = (value: unknown) =>
  !!value && typeof value === 'object' && !(value as { saveId?: unknown }).saveId && !(value as { jobId?: unknown }).jobId;

export async function hasUnsavedDraft(callId: CallId): Promise<boolean> {
  const key = DRAFT_PREFIX + callId;
  try {
    return unsaved((await browser.storage.local.get(key))[key]);
  } catch {
    return false; // the extension was reloaded under the page
  }
}

/**
 * The calls with an unsaved draft, kept current from storage changes (another tab, the panel as
 * the rep types); `onChange` runs after the first read and after every change to a draft.
 */
export function watchDrafts(onChange: () => void) {
  const withDraft = new Set<string>();
  const note = (key: string, value: unknown) => {
    const id = key.slice(DRAFT_PREFIX.length);
    if (unsaved(value)) withDraft.add(id);
    else withDraft.delete(id);
  };
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const keys = Object.keys(changes).filter((key) => area === 'local' && key.startsWith(DRAFT_PREFIX));
    keys.forEach((key) => note(key, changes[key]!.newValue));
    if (keys.length) onChange();
  };
  browser.storage.onChanged.addListener(onChanged);
  browser.storage.local.get(null).then((all) => {
    for (const [key, value] of Object.entries(all)) if (key.startsWith(DRAFT_PREFIX)) note(key, value);
    onChange();
  }, () => undefined);
  return {
    has: (callId: string | null) => withDraft.has(callId!),
    stop: () => browser.storage.onChanged.removeListener(onChanged),
  };
}

export type DraftWatch = ReturnType<typeof watchDrafts>;
