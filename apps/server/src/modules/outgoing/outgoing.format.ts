import type { FormatViolation } from '@vanphong/contracts';
import type { DocumentLayout } from './layout/layout.models.ts';

/** The format checker (issue 4 §4), over the layout of a draft. Wired to layout/ once the generator lands. */
export function formatViolations(_layout: DocumentLayout, _catalogue: { name: string; abbreviation: string }[]): FormatViolation[] {
  return [];
}
