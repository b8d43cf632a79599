import { badRequest, conflict, notFound } from '../../platform/errors.ts';

export const settingsErrors = {
  /** The head of the lead unit hears of an overdue task before the assigner does (else never: the assigner's step comes first). */
  escalationOrder: (head: number, assigner: number, sent: string[]) =>
    badRequest(
      'settings.escalation_order',
      `taskEscalateHeadAfterDays (${head}) must be fewer days than taskEscalateAssignerAfterDays (${assigner})`,
      ['taskEscalateHeadAfterDays', 'taskEscalateAssignerAfterDays']
        .filter((path) => path === 'taskEscalateHeadAfterDays' || sent.includes(path))
        .map((path) => ({ path, message: 'head_not_before_assigner' })),
    ),
  documentTypeNotFound: () => notFound('document_types'),
  documentTypeDuplicate: () =>
    conflict('document_types.duplicate', 'A document type with this name already exists in this family', [
      { path: 'name', message: 'taken' },
    ]),
};
