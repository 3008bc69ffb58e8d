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

/** Why a template cannot be stored, for the options page to say in words. */
export type TemplateProblem =
  | { kind: 'nameEmpty' }
  | { kind: 'nameTooLong'; length: number }
  | { kind: 'bodyTooLong'; length: number }
  | { kind: 'duplicate'; name: string }
  | { kind: 'tooMany' };

/**
 * Checks a template the rep typed (name already trimmed) against the others in the list.
 * The schema above is the rule; this names the first thing wrong so the page can explain it.
 * Names must differ (ignoring case): the rep picks a template by its name after typing "/".
 */
export function checkTemplate(template: Template, others: readonly Template[]): TemplateProblem | undefined {
  if (template.name === '') return { kind: 'nameEmpty' };
  if (template.name.length > TEMPLATE_NAME_MAX) return { kind: 'nameTooLong', length: template.name.length };
  if (template.body.length > TEMPLATE_BODY_MAX) return { kind: 'bodyTooLong', length: template.body.length };
  const name = template.name.toLocaleLowerCase();
  const twin = others.find((t) => t.id !== template.id && t.name.toLocaleLowerCase() === name);
  if (twin) return { kind: 'duplicate', name: twin.name };
  if (!others.some((t) => t.id === template.id) && others.length >= TEMPLATES_MAX) return { kind: 'tooMany' };
  return TemplateSchema.safeParse(template).success ? undefined : { kind: 'nameEmpty' };
}
