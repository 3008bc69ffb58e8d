import { storage } from 'wxt/utils/storage';
import { z } from '../zod';
import { CallBaseSchema, CallChangesSchema, CallIdSchema } from '../close/schemas';
import { JobIdSchema } from '../messages';

// Saves not yet confirmed by Close, persisted before the first request, so that a worker
// stopped mid-save or a browser closed while offline finishes the save later.

export const SaveJobSchema = z.object({
  id: JobIdSchema,
  callId: CallIdSchema,
  changes: CallChangesSchema,
  /** The call as the rep saw it; null saves over whatever Close has ("Keep mine"). */
  base: CallBaseSchema.nullable(),
  tabId: z.number().int().optional(),
  createdAt: z.number(),
  attempts: z.number().int(),
  /** Close could not be reached: waiting for the connection to come back. */
  offline: z.boolean(),
});
export type SaveJob = z.infer<typeof SaveJobSchema>;

const outboxItem = storage.defineItem<unknown>('local:outbox', { fallback: [], version: 1 });

/** Reads and writes go one at a time: the worker handles several messages concurrently. */
export function createOutbox(item = outboxItem) {
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = chain.then(task, task);
    chain = next.catch(() => undefined);
    return next;
  };
  const read = async (): Promise<SaveJob[]> => {
    const parsed = z.array(SaveJobSchema).safeParse(await item.getValue());
    return parsed.success ? parsed.data : [];
  };
  const modify = (change: (jobs: SaveJob[]) => SaveJob[]) =>
    serial(async () => {
      const jobs = change(await read());
      await item.setValue(jobs);
      return jobs;
    });
  return {
    list: () => serial(read),
    add: (job: SaveJob) => modify((jobs) => (jobs.some((j) => j.id === job.id) ? jobs : [...jobs, job])),
    update: (id: string, patch: Partial<SaveJob>) =>
      modify((jobs) => jobs.map((j) => (j.id === id ? { ...j, ...patch } : j))),
    /** Later jobs for a call now build on what our own save just wrote. */
    rebase: (callId: string, base: SaveJob['base']) =>
      modify((jobs) => jobs.map((j) => (j.callId === callId && j.base ? { ...j, base } : j))),
    remove: (id: string) => modify((jobs) => jobs.filter((j) => j.id !== id)),
    clear: () => modify(() => []),
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
