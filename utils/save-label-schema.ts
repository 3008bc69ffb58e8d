import { z } from './zod';
import { LABEL_MAX, type SaveLabel } from './save-label';

// The background's check of a save's label (utils/save-label.ts), in the panel's message and in
// the outbox: short texts only, nothing else.

const text = (max: number) => z.string().trim().min(1).max(max);

export const SaveLabelSchema = z.strictObject({
  lead: text(LABEL_MAX.lead).optional(),
  who: text(LABEL_MAX.who).optional(),
  at: text(LABEL_MAX.at).optional(),
}) satisfies z.ZodType<SaveLabel>;
