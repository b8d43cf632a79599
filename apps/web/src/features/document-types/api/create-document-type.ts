import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { DocumentFamily, DocumentType } from '../../../types/api';

export interface DocumentTypeInput {
  name: string;
  abbreviation: string;
  family: DocumentFamily;
  active: boolean;
}

/** POST /api/document-types (settings.manage) */
export const createDocumentType = (input: DocumentTypeInput) =>
  api<{ documentType: DocumentType }>('/api/document-types', { method: 'POST', body: input });

export function useCreateDocumentType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createDocumentType,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['document-types'] }),
  });
}
