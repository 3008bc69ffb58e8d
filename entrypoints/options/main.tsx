import { i18n } from '#i18n';
import { render } from 'preact';
import { OptionsPage } from '@/components/options/OptionsPage';
import { setPageLanguage } from '@/components/options/page-language';

setPageLanguage(i18n.t('settings.pageTitle'));
render(<OptionsPage />, document.getElementById('app')!);
