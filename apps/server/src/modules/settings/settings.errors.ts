import { conflict, notFound } from '../../platform/errors.ts';

export const settingsErrors = {
  documentTypeNotFound: () => notFound('document_types'),
  documentTypeDuplicate: () =>
    conflict('document_types.duplicate', 'A document type with this name already exists in this family', [
      { path: 'name', message: 'taken' },
    ]),
};
