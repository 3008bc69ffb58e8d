import { i18n } from '#i18n';
import type { Ref } from 'preact';

interface TemplateFieldsProps {
  /** Unique per form on the page: the fields' ids derive from it. */
  idPrefix: string;
  name: string;
  body: string;
  onName: (name: string) => void;
  onBody: (body: string) => void;
  /** The field's value was committed (it lost focus, or Enter in the name). */
  onCommit?: () => void;
  error?: { message: string; field?: 'name' | 'body' | undefined };
  nameRef?: Ref<HTMLInputElement>;
  bodyRef?: Ref<HTMLTextAreaElement>;
}

/** A template's name and text, labelled, with what is wrong with them in an alert tied to the field. */
export function TemplateFields(props: TemplateFieldsProps) {
  const { idPrefix, error } = props;
  const errorId = `${idPrefix}-error`;
  const invalid = (field: 'name' | 'body') => (error && (error.field === field || !error.field) ? true : undefined);
  const describedBy = (field: 'name' | 'body') => (invalid(field) ? errorId : undefined);
  return (
    <>
      <label class="field">
        <span class="label">{i18n.t('settings.templates.name')}</span>
        <input
          ref={props.nameRef}
          id={`${idPrefix}-name`}
          type="text"
          autocomplete="off"
          value={props.name}
          aria-invalid={invalid('name')}
          aria-describedby={describedBy('name')}
          onInput={(e) => props.onName(e.currentTarget.value)}
          onChange={props.onCommit}
        />
      </label>
      <label class="field">
        <span class="label">{i18n.t('settings.templates.body')}</span>
        <textarea
          ref={props.bodyRef}
          id={`${idPrefix}-body`}
          rows={3}
          value={props.body}
          aria-invalid={invalid('body')}
          aria-describedby={describedBy('body')}
          onInput={(e) => props.onBody(e.currentTarget.value)}
          onChange={props.onCommit}
        />
      </label>
      {error && (
        <p role="alert" class="error" id={errorId}>
          {error.message}
        </p>
      )}
    </>
  );
}
