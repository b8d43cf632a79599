import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import type { DocumentType } from '../../../types/api';
import type { DocumentTypeInput } from './create-document-type';

/** PATCH /api/document-types/:id (settings.manage) */
export const updateDocumentType = ({ id, patch }: { id: number; patch: Partial<DocumentTypeInput> }) =>
  api<{ documentType: DocumentType }>(`/api/document-types/${id}`, { method: 'PATCH', body: patch });

export function useUpdateDocumentType() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateDocumentType,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['document-types'] }),
  });
}
