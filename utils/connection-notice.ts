import { storage } from 'wxt/utils/storage';
import { z } from './zod';

// Why the rep is not connected although they once were: left by the key store (utils/connection.ts)
// when an older version's stored connection could not be carried over, read by the settings page.
// It never holds the key, so it may live where the popup reads it (storage.local).

const NoticeSchema = z.enum([
  /** The old stored connection was unreadable: it was removed, the rep connects again. */
  'damaged',
  /** Close no longer accepts the old stored key: it was removed. */
  'rejected',
  /** The old key is kept, but Close could not be asked whose it is yet: tried again by itself. */
  'unfinished',
]);
export type ConnectionNotice = z.infer<typeof NoticeSchema>;

const noticeItem = storage.defineItem<unknown>('local:connectionNotice', { fallback: null });

export const connectionNotice = {
  async get(): Promise<ConnectionNotice | undefined> {
    const parsed = NoticeSchema.safeParse(await noticeItem.getValue());
    return parsed.success ? parsed.data : undefined;
  },
  set: (notice: ConnectionNotice) => noticeItem.setValue(NoticeSchema.parse(notice)),
  clear: () => noticeItem.removeValue(),
};
