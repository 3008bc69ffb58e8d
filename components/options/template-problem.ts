import { i18n } from '#i18n';
import { TEMPLATE_BODY_MAX, TEMPLATE_NAME_MAX, TEMPLATES_MAX, type TemplateProblem } from '@/utils/settings';

/** A template that cannot be stored, in the rep's words (it names the field at fault). */
export function describeProblem(problem: TemplateProblem): string {
  switch (problem.kind) {
    case 'nameEmpty':
      return i18n.t('settings.templates.nameEmpty');
    case 'nameTooLong':
      return i18n.t('settings.templates.nameTooLong', [String(problem.length), String(TEMPLATE_NAME_MAX)]);
    case 'bodyTooLong':
      return i18n.t('settings.templates.bodyTooLong', [String(problem.length), String(TEMPLATE_BODY_MAX)]);
    case 'duplicate':
      return i18n.t('settings.templates.duplicate', [problem.name]);
    case 'tooMany':
      return i18n.t('settings.templates.tooMany', [String(TEMPLATES_MAX)]);
  }
}

/** Which field a problem is about, so that field is marked invalid and focused. */
export const problemField = (problem: TemplateProblem): 'name' | 'body' | undefined =>
  problem.kind === 'bodyTooLong' ? 'body' : problem.kind === 'tooMany' ? undefined : 'name';
