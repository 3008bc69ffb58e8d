import { i18n } from '#i18n';
import { useRef } from 'preact/hooks';
import { settings, type Template } from '@/utils/settings';
import { NewTemplate } from './NewTemplate';
import { SaveStatus, useSaveStatus } from './save-status';
import { TemplateRow } from './TemplateRow';
import { useSetting } from '../use-setting';

/** Templates: the list (edit, reorder, delete) and the form that adds one. */
export function TemplatesSection() {
  const [templates, setTemplates] = useSetting(settings.templates);
  const { save, status, failed } = useSaveStatus();
  const heading = useRef<HTMLHeadingElement>(null);

  /** Writes the whole list; a list that could not be stored is replaced by the stored one. */
  async function store(next: Template[], done: string): Promise<boolean> {
    setTemplates(next);
    const stored = await save(() => settings.templates.set(next), done);
    if (!stored) setTemplates(await settings.templates.get());
    return stored;
  }

  if (templates === undefined) return null;
  const replace = (changed: Template) => templates.map((t) => (t.id === changed.id ? changed : t));
  const move = (index: number, by: -1 | 1) => {
    const next = [...templates];
    const [moved] = next.splice(index, 1);
    next.splice(index + by, 0, moved!);
    return next;
  };
  const saved = i18n.t('settings.saved');

  return (
    <section aria-labelledby="templates-heading">
      <h2 id="templates-heading" ref={heading} tabIndex={-1}>
        {i18n.t('settings.templates.heading')}
      </h2>
      <p>{i18n.t('settings.templates.intro')}</p>
      {templates.length === 0 ? (
        <p class="muted">{i18n.t('settings.templates.empty')}</p>
      ) : (
        <>
          <p class="muted">{i18n.t('settings.templates.savedOnChange')}</p>
          <ul class="templates" aria-labelledby="templates-heading">
            {templates.map((template, index) => (
              <TemplateRow
                key={template.id}
                template={template}
                all={templates}
                first={index === 0}
                last={index === templates.length - 1}
                onSave={(changed) => store(replace(changed), saved)}
                onMove={(by) => void store(move(index, by), saved)}
                onDelete={() => {
                  heading.current?.focus();
                  void store(
                    templates.filter((t) => t.id !== template.id),
                    i18n.t('settings.templates.deleted'),
                  );
                }}
              />
            ))}
          </ul>
        </>
      )}
      <NewTemplate templates={templates} onAdd={(added) => store([...templates, added], i18n.t('settings.templates.added'))} />
      <SaveStatus status={status} failed={failed} testId="templates-status" />
    </section>
  );
}
