import { useEffect, useState } from 'preact/hooks';
import type { Account } from '@/utils/messages';
import { ask } from './ask';
import { QueuedSaves } from './QueuedSaves';

const KEY_REJECTED =
  'Close rejected this API key. Check that you copied the whole key, and that it has not been deleted in Close.';

/** The API key settings, shared by the popup and the options page. */
export function Settings() {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [apiKey, setApiKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    void ask({ type: 'key.status' }).then((reply) => {
      setAccount(reply.ok && reply.value.connected ? reply.value.account : null);
    });
  }, []);

  async function connect(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    const reply = await ask({ type: 'key.set', apiKey });
    setBusy(false);
    if (reply.ok) {
      setApiKey('');
      return setAccount(reply.value);
    }
    const { error } = reply;
    if (error.kind === 'rejected') setError('That does not look like a Close API key. Paste the whole key.');
    else if (error.kind === 'auth') setError(KEY_REJECTED);
    else setError(`${error.message} The key was not saved. Try again in a moment.`);
  }

  async function disconnect() {
    await ask({ type: 'key.clear' });
    setAccount(null);
  }

  if (account === undefined) return <p class="muted">Loading…</p>;
  if (account)
    return (
      <section>
        <QueuedSaves ask={ask} />
        <p>Connected to Close as</p>
        <p class="account">
          <strong data-testid="account-email">{account.email}</strong>
          <br />
          <span data-testid="account-organization">{account.organization}</span>
        </p>
        <button type="button" onClick={disconnect}>
          Disconnect
        </button>
      </section>
    );
  return (
    <form onSubmit={connect}>
      <label class="field">
        <span class="label">API key</span>
        <input
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={apiKey}
          required
          onInput={(e) => setApiKey(e.currentTarget.value)}
        />
      </label>
      <p class="muted">
        In Close, open Settings → Developer → API Keys, create a key and paste it here. It is checked with Close
        before it is stored, and stays inside this extension.
      </p>
      <button type="submit" class="primary" disabled={busy || !apiKey.trim()}>
        {busy ? 'Checking…' : 'Save'}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
