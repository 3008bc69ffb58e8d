import { i18n } from '#i18n';
import { render } from 'preact';
import { setPageLanguage } from '@/components/options/page-language';
import { App } from './App';

setPageLanguage(i18n.t('popup.pageTitle'));
render(<App />, document.getElementById('app')!);
