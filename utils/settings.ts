import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';

// The rep's settings (options page), read by the panel and the content script. Each is a
// typed, versioned storage item parsed with zod on every read: what is stored may come from an
// older version of the extension, or be damaged, and a bad value falls back to the default
// instead of breaking the panel. zod/mini, not zod: the panel script reads these and stays
// small (BENCHMARKS.md). A change of shape bumps `version` and adds a migration here.

z.config({ jitless: true });

export const TEMPLATE_NAME_MAX = 60;
export const TEMPLATE_BODY_MAX = 5000;
export const TEMPLATES_MAX = 50;

export const TemplateSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  name: z.string().check(z.minLength(1), z.maxLength(TEMPLATE_NAME_MAX)),
  body: z.string().check(z.maxLength(TEMPLATE_BODY_MAX)),
});
export type Template = z.infer<typeof TemplateSchema>;
const TemplatesSchema = z.array(TemplateSchema).check(z.maxLength(TEMPLATES_MAX));

export const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type Corner = (typeof CORNERS)[number];

/** Docked in a corner (bottom-right by default), or where the rep dragged it (px from top-left). */
export const PanelPositionSchema = z.union([
  z.object({ kind: z.literal('dock'), corner: z.enum(CORNERS) }),
  z.object({ kind: z.literal('free'), left: z.number(), top: z.number() }),
]);
export type PanelPosition = z.infer<typeof PanelPositionSchema>;
export const DEFAULT_PANEL_POSITION: PanelPosition = { kind: 'dock', corner: 'bottom-right' };

function parsedItem<T>(key: `local:${string}`, schema: z.ZodMiniType<T>, fallback: T) {
  const item = storage.defineItem<unknown>(key, { fallback, version: 1 });
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
  /** Where the panel sits: the options page sets the corner, dragging the panel sets a place. */
  panelPosition: parsedItem('local:settings.panelPosition', PanelPositionSchema, DEFAULT_PANEL_POSITION),
};
