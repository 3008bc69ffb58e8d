import * as z from 'zod/mini';

// The shapes of the rep's settings (utils/settings.ts stores them). Apart from the storage items so
// that code outside the extension (the end-to-end tests) can check what was stored.

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
export const TemplatesSchema = z.array(TemplateSchema).check(z.maxLength(TEMPLATES_MAX));

export const CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type Corner = (typeof CORNERS)[number];

/** Docked in a corner (bottom-right by default), or where the rep dragged it (px from top-left). */
export const PanelPositionSchema = z.union([
  z.object({ kind: z.literal('dock'), corner: z.enum(CORNERS) }),
  z.object({ kind: z.literal('free'), left: z.number(), top: z.number() }),
]);
export type PanelPosition = z.infer<typeof PanelPositionSchema>;
export const DEFAULT_PANEL_POSITION: PanelPosition = { kind: 'dock', corner: 'bottom-right' };

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

// Calls to log's period (issue 17) is defined beside its rule, where the background reads it without zod.
export { CALLS_TO_LOG_PERIODS, DEFAULT_CALLS_TO_LOG_PERIOD, type CallsToLogPeriod } from './calls-to-log';
