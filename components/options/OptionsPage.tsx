import { i18n } from '#i18n';
import { Settings } from '@/components/Settings';
import { CallsToLogSection } from './CallsToLogSection';
import { PanelSection } from './PanelSection';
import { TemplatesSection } from './TemplatesSection';

/** The settings page: the Close connection, templates, and how the panel behaves. */
export function OptionsPage() {
  return (
    <>
      <header>
        <h1>{i18n.t('settings.title')}</h1>
        <p class="muted">{i18n.t('ext.name')}</p>
      </header>
      <section aria-labelledby="connection-heading">
        <h2 id="connection-heading">{i18n.t('settings.connection.heading')}</h2>
        <Settings />
      </section>
      <TemplatesSection />
      <PanelSection />
      <CallsToLogSection />
    </>
  );
}
