import { i18n } from '#i18n';
import { useEffect, useState } from 'preact/hooks';
import type { Account } from '@/utils/messages';
import { ask } from './ask';
import { QueuedSaves } from './QueuedSaves';

/** The Close connection (API key), shared by the popup and the settings page. */
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
    if (error.kind === 'rejected') setError(i18n.t('settings.connection.notAKey'));
    else if (error.kind === 'auth') setError(i18n.t('settings.connection.rejected'));
    else setError(i18n.t('settings.connection.failed', [error.message]));
  }

  async function disconnect() {
    await ask({ type: 'key.clear' });
    setAccount(null);
  }

  if (account === undefined)
    return (
      <p class="muted" role="status">
        {i18n.t('settings.loading')}
      </p>
    );
  if (account)
    return (
      <div>
        <QueuedSaves ask={ask} />
        <p>{i18n.t('settings.connection.connectedAs')}</p>
        <p class="account">
          <strong data-testid="account-email">{account.email}</strong>
          <br />
          <span data-testid="account-organization">{account.organization}</span>
        </p>
        <button type="button" onClick={disconnect}>
          {i18n.t('settings.connection.disconnect')}
        </button>
      </div>
    );
  return (
    <form onSubmit={connect}>
      <label class="field">
        <span class="label">{i18n.t('settings.connection.apiKey')}</span>
        <input
          type="password"
          autocomplete="off"
          spellcheck={false}
          value={apiKey}
          required
          aria-describedby="api-key-help"
          onInput={(e) => setApiKey(e.currentTarget.value)}
        />
      </label>
      <p class="muted" id="api-key-help">
        {i18n.t('settings.connection.help')}
      </p>
      <button type="submit" class="primary" disabled={busy || !apiKey.trim()}>
        {busy ? i18n.t('settings.connection.checking') : i18n.t('settings.connection.save')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
