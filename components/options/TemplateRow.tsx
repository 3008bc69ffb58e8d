import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'preact/hooks';
import { checkTemplate, type Template, type TemplateProblem } from '@/utils/settings';
import { TemplateFields } from './TemplateFields';
import { describeProblem, problemField } from './template-problem';

interface TemplateRowProps {
  template: Template;
  all: readonly Template[];
  first: boolean;
  last: boolean;
  /** Stores the changed template; false when storing failed. */
  onSave: (template: Template) => Promise<boolean>;
  onDelete: () => void;
  onMove: (by: -1 | 1) => void;
}

/**
 * One stored template, editable in place. A change is stored when the rep leaves the field (the
 * `change` event), not on every key: the list is written whole, and Close tabs hear each write.
 */
export function TemplateRow({ template, all, first, last, onSave, onDelete, onMove }: TemplateRowProps) {
  const [name, setName] = useState(template.name);
  const [body, setBody] = useState(template.body);
  const [problem, setProblem] = useState<TemplateProblem>();
  const nameRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // Changed elsewhere (another settings tab), or stored trimmed: show what is stored.
  useEffect(() => setName(template.name), [template.name]);
  useEffect(() => setBody(template.body), [template.body]);

  async function commit() {
    const edited = { ...template, name: name.trim(), body };
    if (edited.name === template.name && edited.body === template.body) return setProblem(undefined);
    const found = checkTemplate(edited, all);
    setProblem(found);
    if (!found) await onSave(edited);
  }

  const idPrefix = `template-${template.id}`;
  const move = (by: -1 | 1, disabled: boolean) => () => {
    if (!disabled) onMove(by);
  };
  return (
    <li>
      <fieldset>
        <legend>{template.name}</legend>
        <TemplateFields
          idPrefix={idPrefix}
          name={name}
          body={body}
          onName={setName}
          onBody={setBody}
          onCommit={() => void commit()}
          nameRef={nameRef}
          bodyRef={bodyRef}
          {...(problem && { error: { message: describeProblem(problem), field: problemField(problem) } })}
        />
        <div class="actions">
          {/* aria-disabled, not disabled: a moved template keeps the focus on its button. */}
          <button type="button" aria-disabled={first} onClick={move(-1, first)}>
            {i18n.t('settings.templates.moveUp', [template.name])}
          </button>
          <button type="button" aria-disabled={last} onClick={move(1, last)}>
            {i18n.t('settings.templates.moveDown', [template.name])}
          </button>
          <button type="button" class="danger" onClick={onDelete}>
            {i18n.t('settings.templates.delete', [template.name])}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
