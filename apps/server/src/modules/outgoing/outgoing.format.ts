import type { FormatViolation } from '@vanphong/contracts';
import { checkLayout, type CatalogueType } from './layout/layout.checker.ts';
import type { DocumentLayout } from './layout/layout.models.ts';

/** The format checker (issue 4 §4) over the layout of a draft: every violation, before the signer sees it. */
export function formatViolations(layout: DocumentLayout, catalogue: CatalogueType[]): FormatViolation[] {
  return checkLayout(layout, catalogue);
}
