import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { connectionNotice, type ConnectionNotice } from '@/utils/connection-notice';
import type { Account } from '@/utils/messages';
import { ask } from './ask';
import { looksLikeKey, refusalOf, refusalText } from './connect-refusal';
import { QueuedSaves } from './QueuedSaves';

const NOTICE_TEXT: Record<ConnectionNotice, () => string> = {
  damaged: () => i18n.t('settings.connection.noticeDamaged'),
  rejected: () => i18n.t('settings.connection.noticeRejected'),
  unfinished: () => i18n.t('settings.connection.noticeUnfinished'),
};

/** Close's own page where a rep creates an API key (issue 15). */
export const CLOSE_API_KEYS_URL = 'https://app.close.com/settings/developer/api-keys/';

/** The Close connection (API key), shared by the popup and the settings page. */
export function Settings() {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [apiKey, setApiKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  // Why a connection an older version stored is gone (utils/connection.ts): asked after the
  // status, which is what carries an older version's key over.
  const [notice, setNotice] = useState<ConnectionNotice>();
  // The form's one job is the key: focus is there whenever the form appears (opening the popup,
  // after Disconnect removed the button that had focus).
  const keyField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (account === null) keyField.current?.focus();
  }, [account]);

  useEffect(() => {
    void ask({ type: 'key.status' }).then(async (reply) => {
      const status = reply.ok ? reply.value : { connected: false as const };
      setAccount(status.connected ? status.account : null);
      // Not knowing is not "not connected": say why the form may be wrong.
      if (!reply.ok) setError(i18n.t(reply.error.kind === 'restarting' ? 'settings.connection.restarting' : 'errors.internal'));
      if (!status.connected) setNotice(await connectionNotice.get().catch(() => undefined));
    });
  }, []);

  async function connect(event: Event) {
    event.preventDefault();
    setError(undefined);
    if (!looksLikeKey(apiKey)) return setError(refusalText('malformed'));
    setBusy(true);
    const reply = await ask({ type: 'key.set', apiKey });
    setBusy(false);
    if (reply.ok) {
      setApiKey('');
      setNotice(undefined);
      return setAccount(reply.value);
    }
    setError(refusalText(refusalOf(reply.error), reply.error));
  }

  async function disconnect() {
    setError(undefined);
    const reply = await ask({ type: 'key.clear' });
    // Saying "disconnected" while the key is still stored would be a lie about the key.
    if (!reply.ok) return setError(i18n.t('settings.connection.disconnectFailed'));
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
        {error && (
          <p role="alert" class="error">
            {error}
          </p>
        )}
      </div>
    );
  return (
    <form onSubmit={connect}>
      {notice && (
        <p role="status" class="notice" data-testid="connection-notice">
          {NOTICE_TEXT[notice]()}
        </p>
      )}
      <label class="field">
        <span class="label">{i18n.t('settings.connection.apiKey')}</span>
        <input
          type="password"
          autocomplete="off"
          spellcheck={false}
          ref={keyField}
          value={apiKey}
          required
          aria-describedby="api-key-help"
          onInput={(e) => setApiKey(e.currentTarget.value)}
        />
      </label>
      <p class="muted" id="api-key-help">
        {i18n.t('settings.connection.help')}{' '}
        <a href={CLOSE_API_KEYS_URL} target="_blank" rel="noopener noreferrer">
          {i18n.t('settings.connection.apiKeysLink')}
        </a>
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
