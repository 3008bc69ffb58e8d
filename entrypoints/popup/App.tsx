import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { Settings } from '@/components/Settings';
import { PopupCallsToLog } from '@/components/options/PopupCallsToLog';
import { PopupShortcut } from '@/components/options/PopupShortcut';

/** The toolbar popup: connect Close, see saves still waiting, and the way to the settings page. */
export function App() {
  return (
    <>
      <h1>{i18n.t('ext.name')}</h1>
      <PopupCallsToLog onOpened={() => window.close()} />
      <Settings />
      <PopupShortcut />
      <footer class="popup-footer">
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('popup.openSettings')}
        </button>
      </footer>
    </>
  );
}
