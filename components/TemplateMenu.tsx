import { i18n } from '#i18n';
import { trusted } from '@/utils/panel/trusted';
import type { Template } from '@/utils/settings';

export const TEMPLATE_MENU_ID = 'quick-edit-templates';
export const templateOptionId = (index: number) => `quick-edit-template-${index}`;

interface TemplateMenuProps {
  /** The templates that match what follows the "/", in order. */
  options: Template[];
  /** Which option Enter inserts (the Note box's aria-activedescendant). */
  active: number;
  onPick: (template: Template) => void;
}

/**
 * The list under the Note box while the rep types "/name" at the start of a line. Focus stays
 * in the Note box (aria-activedescendant points here), so typing goes on filtering.
 */
export function TemplateMenu({ options, active, onPick }: TemplateMenuProps) {
  return (
    <div class="template-menu">
      <ul id={TEMPLATE_MENU_ID} role="listbox" aria-label={i18n.t('templates.menu')}>
        {options.map((template, i) => (
          <li
            key={template.id}
            id={templateOptionId(i)}
            role="option"
            aria-selected={i === active ? 'true' : 'false'}
            class={i === active ? 'active' : undefined}
            // Keeps the focus (and the caret) in the Note box.
            onMouseDown={(e) => e.preventDefault()}
            onClick={trusted(() => onPick(template))}
          >
            <span class="template-name">{template.name}</span>
            <span class="template-body">{template.body.split('\n', 1)[0]}</span>
          </li>
        ))}
      </ul>
      <p class="hint">{i18n.t('templates.help')}</p>
    </div>
  );
}
