import { storage } from 'wxt/utils/storage';
import { z } from '../zod';
import { CallBaseSchema, CallChangesSchema, CallIdSchema } from '../close/schemas';
import { SaveIdSchema, type WaitReason } from '../messages';
import { SaveLabelSchema } from '../save-label-schema';

// Saves not yet confirmed by Close, persisted before the first request, so that a worker
// stopped mid-save or a browser closed while offline finishes the save later. The outbox is
// the only truth about a save: the saver re-reads it before every request and after every wait.

const WAIT_REASONS = ['rate-limited', 'server', 'offline', 'account', 'unclaimed', 'hold', 'call-live', 'call-ask'] as const satisfies readonly WaitReason[];

export const SaveSchema = z.object({
  id: SaveIdSchema,
  callId: CallIdSchema,
  changes: CallChangesSchema,
  /** The call as the rep saw it; null saves over whatever Close has ("Keep mine"). */
  base: CallBaseSchema.nullable(),
  tabId: z.number().int().optional(),
  createdAt: z.number(),
  attempts: z.number().int(),
  /** Who made it: it is sent only with this account's key. Absent in saves of older versions. */
  owner: z.object({ userId: z.string(), organizationId: z.string(), email: z.string() }).nullable().optional(),
  /** Why it is not being sent now, and until when (a time for Close's waits and the outcome hold, none for the others). */
  wait: z.object({ reason: z.enum(WAIT_REASONS), until: z.number().optional() }).optional(),
  /** When Close began answering this save with 429s in a row: its deadline counts from here. */
  limitedSince: z.number().optional(),
  /** A note save of a call still going on: when it began waiting for the call to end (call-end-wait.ts). */
  liveSince: z.number().optional(),
  /** The rep chose Save anyway: sent even though Close still reads the call as going on. */
  anyway: z.boolean().optional(),
  /** What the popup names it by (issue 15); absent in older versions' saves, and a damaged one is dropped, not the save. */
  label: SaveLabelSchema.optional().catch(undefined),
  /** Older versions' "waiting for the network" flag; read as wait: offline. */
  offline: z.boolean().optional(),
});
export type Save = z.infer<typeof SaveSchema>;

const outboxItem = storage.defineItem<unknown>('local:outbox', { fallback: [], version: 1 });

/** Reads and writes go one at a time: the worker handles several messages concurrently. */
export function createOutbox(item = outboxItem) {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task, task);
    chain = next.catch(() => undefined);
    return next;
  };
  const read = async (): Promise<Save[]> => {
    const value = await item.getValue();
    if (!Array.isArray(value)) return [];
    // One unreadable entry must not hide the others.
    return value.flatMap((entry) => {
      const parsed = SaveSchema.safeParse(entry);
      if (!parsed.success) return [];
      const { offline, ...save } = parsed.data;
      return [offline && !save.wait ? { ...save, wait: { reason: 'offline' as const } } : save];
    });
  };
  const modify = (change: (saves: Save[]) => Save[]) =>
    serial(async () => {
      const saves = change(await read());
      await item.setValue(saves);
      return saves;
    });
  return {
    list: () => serial(read),
    add: (save: Save) => modify((saves) => (saves.some((s) => s.id === save.id) ? saves : [...saves, save])),
    update: (id: string, patch: Partial<Save>) => modify((saves) => saves.map((s) => (s.id === id ? { ...s, ...patch } : s))),
    /** Later saves of a call now build on what our own save just wrote. */
    rebase: (callId: string, base: Save['base']) =>
      modify((saves) => saves.map((s) => (s.callId === callId && s.base ? { ...s, base } : s))),
    remove: (id: string) => modify((saves) => saves.filter((s) => s.id !== id)),
    /**
     * The save as stored now, and `then` run in the same turn as the read, before any other
     * outbox change (a cancel) can come between: what the saver does right before a request.
     */
    holding: <T>(id: string, then: (save: Save) => T): Promise<T | undefined> =>
      serial(async () => {
        const save = (await read()).find((s) => s.id === id);
        return save && then(save);
      }),
    /** Removes the save unless `busy` says its request is on the wire; in one turn with the read. */
    removeUnless: (id: string, busy: () => boolean): Promise<Save | 'busy' | 'absent'> =>
      serial(async () => {
        const saves = await read();
        const save = saves.find((s) => s.id === id);
        if (!save) return 'absent';
        if (busy()) return 'busy';
        await item.setValue(saves.filter((s) => s.id !== id));
        return save;
      }),
    clear: () => modify(() => []),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
