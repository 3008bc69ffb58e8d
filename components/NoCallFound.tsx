import { i18n } from '#i18n';
import type { Account } from '@/utils/messages';

/**
 * Close found no call with the key while the page shows one. A rep in several organisations
 * most often has the key of another one connected (issue 5), so say whose key it is.
 */
export function NoCallFound({ account, onOpenSettings }: { account: Account; onOpenSettings: (event: Event) => void }) {
  return (
    <div role="alert" class="error">
      <p>
        <strong>
          {account.organization
            ? i18n.t('panel.noCallOrg', [account.email, account.organization])
            : i18n.t('panel.noCall', [account.email])}
        </strong>{' '}
        {i18n.t('panel.noCallHelp')}
      </p>
      <button type="button" onClick={onOpenSettings}>
        {i18n.t('panel.openSettings')}
      </button>
    </div>
  );
}
