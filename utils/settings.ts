import * as z from 'zod/mini';
import { localItem } from './local-item';
import {
  CALLS_TO_LOG_PERIODS,
  DEFAULT_CALLS_TO_LOG_PERIOD,
  DEFAULT_PANEL_POSITION,
  PanelPositionSchema,
  TemplatesSchema,
} from './settings-schema';

// The rep's settings (options page), read by the panel and the content script. Each is a
// typed, versioned storage item parsed with zod on every read: what is stored may come from an
// older version of the extension, or be damaged, and a bad value falls back to the default
// instead of breaking the panel. zod/mini, not zod: the panel script reads these and stays
// small (BENCHMARKS.md), and so does its storage (local-item.ts). A change of shape is read by
// the schema (a union of the old and the new shape, upgraded on read). The shapes
// themselves are in settings-schema.ts.

export * from './settings-schema';

export function parsedItem<T>(key: `local:${string}`, schema: z.ZodMiniType<T>, fallback: T) {
  const item = localItem<unknown>(key.slice('local:'.length), fallback);
  return {
    key,
    async get(): Promise<T> {
      const parsed = schema.safeParse(await item.getValue());
      return parsed.success ? parsed.data : fallback;
    },
    set: async (value: T) => item.setValue(schema.parse(value)),
    reset: () => item.removeValue(),
    /** Calls back with every change (another tab, the options page), parsed like get(). */
    watch(callback: (value: T) => void) {
      return item.watch((value) => {
        const parsed = schema.safeParse(value ?? fallback);
        callback(parsed.success ? parsed.data : fallback);
      });
    },
  };
}

export const settings = {
  /** Snippets a rep inserts into a note by typing `/` at the start of a line. */
  templates: parsedItem('local:settings.templates', TemplatesSchema, []),
  /** Open the panel by itself on a page that names a call. Off unless the rep turns it on. */
  autoOpen: parsedItem('local:settings.autoOpen', z.boolean(), false),
  /**
   * Save with Ctrl/Cmd+Enter closes the panel once the save is safely queued, with a small
   * "Saved · Undo" where the launcher is (issue 15). Off unless the rep turns it on.
   */
  closeAfterSave: parsedItem('local:settings.closeAfterSave', z.boolean(), false),
  /** Where the panel sits: the options page sets the corner, dragging the panel sets a place. */
  panelPosition: parsedItem('local:settings.panelPosition', PanelPositionSchema, DEFAULT_PANEL_POSITION),
  /** Calls to log: how far back the rep's calls count (today, last 7 days, last 30 days). */
  callsToLogPeriod: parsedItem('local:settings.callsToLogPeriod', z.enum(CALLS_TO_LOG_PERIODS), DEFAULT_CALLS_TO_LOG_PERIOD),
  /** Calls to log: a call with an outcome but no note still counts. Off unless the rep turns it on. */
  callsToLogNoNote: parsedItem('local:settings.callsToLogNoNote', z.boolean(), false),
};
