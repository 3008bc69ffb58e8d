import { i18n } from '#i18n';
import { useRef, useState } from 'preact/hooks';
import { checkTemplate, type Template, type TemplateProblem } from '@/utils/settings';
import { TemplateFields } from './TemplateFields';
import { describeProblem, problemField } from './template-problem';

interface NewTemplateProps {
  templates: readonly Template[];
  /** Stores the list with the new template added; false when storing failed. */
  onAdd: (template: Template) => Promise<boolean>;
}

/** The form that adds a template: checked before it is stored, and explained when it is refused. */
export function NewTemplate({ templates, onAdd }: NewTemplateProps) {
  const [name, setName] = useState('');
  const [body, setBody] = useState('');
  const [problem, setProblem] = useState<TemplateProblem>();
  const nameRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  async function add(event: Event) {
    event.preventDefault();
    const template = { id: crypto.randomUUID(), name: name.trim(), body };
    const found = checkTemplate(template, templates);
    setProblem(found);
    if (found) {
      (problemField(found) === 'body' ? bodyRef : nameRef).current?.focus();
      return;
    }
    if (await onAdd(template)) {
      setName('');
      setBody('');
      nameRef.current?.focus();
    }
  }

  return (
    <form class="new-template" aria-labelledby="new-template-heading" onSubmit={(e) => void add(e)} noValidate>
      <h3 id="new-template-heading">{i18n.t('settings.templates.newHeading')}</h3>
      <TemplateFields
        idPrefix="new-template"
        name={name}
        body={body}
        onName={setName}
        onBody={setBody}
        nameRef={nameRef}
        bodyRef={bodyRef}
        {...(problem && { error: { message: describeProblem(problem), field: problemField(problem) } })}
      />
      <button type="submit" class="primary">
        {i18n.t('settings.templates.add')}
      </button>
    </form>
  );
}
