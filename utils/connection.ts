import { storage } from 'wxt/utils/storage';
import { z } from './zod';
import type { Account } from './messages';

// The API key and the account it belongs to. Only the background reads or writes this item;
// nothing else imports this module (a build test checks that no other bundle names it).
// storage.local, not storage.session: a rep connects once, not after every browser restart
// and extension update; what that costs, and why we accept it, is in SECURITY.md.
const ConnectionSchema = z.object({
  apiKey: z.string().min(1),
  account: z.object({
    userId: z.string(),
    organizationId: z.string(),
    email: z.string(),
    name: z.string(),
    organization: z.string(),
  }),
});
export type Connection = z.infer<typeof ConnectionSchema>;

const connectionItem = storage.defineItem<unknown>('local:connection', { fallback: null, version: 1 });

export const connectionStore = {
  /** The stored connection, or undefined if none (or if what is stored is not one). */
  async get(): Promise<Connection | undefined> {
    const parsed = ConnectionSchema.safeParse(await connectionItem.getValue());
    return parsed.success ? parsed.data : undefined;
  },
  set: (connection: Connection) => connectionItem.setValue(ConnectionSchema.parse(connection)),
  clear: () => connectionItem.removeValue(),
};

export type ConnectionStore = typeof connectionStore;

export const accountOf = (me: {
  id: string;
  email: string;
  first_name?: string | null;
  last_name?: string | null;
  organizations: { id: string; name: string }[];
}): Account => ({
  userId: me.id,
  organizationId: me.organizations[0]?.id ?? '',
  email: me.email,
  name: [me.first_name, me.last_name].filter(Boolean).join(' '),
  organization: me.organizations[0]?.name ?? '',
});
