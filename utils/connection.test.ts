import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { accountOf, connectionStore } from './connection';

const ACCOUNT = { userId: 'user_ann', organizationId: 'orga_acme', email: 'ann@acme.example', name: 'Ann Rep', organization: 'Acme Corp' };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('connectionStore', () => {
  it('stores, reads back and clears a connection', async () => {
    expect(await connectionStore.get()).toBeUndefined();
    await connectionStore.set({ apiKey: 'api_0123456789', account: ACCOUNT });
    expect(await connectionStore.get()).toEqual({ apiKey: 'api_0123456789', account: ACCOUNT });
    await connectionStore.clear();
    expect(await connectionStore.get()).toBeUndefined();
    expect((await fakeBrowser.storage.local.get('connection')).connection).toBeUndefined();
  });

  it('treats anything stored that is not a connection as none', async () => {
    for (const junk of ['api_key', { apiKey: '' , account: ACCOUNT }, { apiKey: 'k' }, { account: ACCOUNT }, 42]) {
      await fakeBrowser.storage.local.set({ connection: junk });
      expect(await connectionStore.get()).toBeUndefined();
    }
  });

  it('refuses to store an empty key', async () => {
    expect(() => connectionStore.set({ apiKey: '', account: ACCOUNT })).toThrow();
    expect(await connectionStore.get()).toBeUndefined();
  });
});

describe('accountOf', () => {
  it('takes the email, full name and first organisation', () => {
    expect(
      accountOf({
        id: 'user_ann',
        email: 'ann@acme.example',
        first_name: 'Ann',
        last_name: 'Rep',
        organizations: [{ id: 'orga_acme', name: 'Acme Corp' }, { id: 'orga_other', name: 'Other' }],
      }),
    ).toEqual(ACCOUNT);
  });

  it('copes with missing names and no organisation', () => {
    expect(accountOf({ id: 'user_a', email: 'a@b.c', first_name: null, last_name: 'Rep', organizations: [] })).toEqual({
      userId: 'user_a',
      organizationId: '',
      email: 'a@b.c',
      name: 'Rep',
      organization: '',
    });
  });
});
