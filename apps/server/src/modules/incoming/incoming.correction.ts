/** Corrections of a registration while it is still with the office (PATCH /api/incoming/:id). */
import { parseNotation, type incomingPatch } from '@vanphong/contracts';
import type { z } from 'zod';
import { notationKey } from '../../platform/text/tokens.ts';
import { incomingErrors as E } from './incoming.errors.ts';
import { step } from './incoming.flow.ts';
import { urgencyRank } from './incoming.models.ts';
import type * as repo from './incoming.repository.ts';
import { indexIncoming } from './incoming.search.ts';
import { indexRecords } from '../search/search.index.ts';
import type { By, Ctx } from './incoming.usecases.ts';

export async function updateIncoming(
  ctx: Ctx,
  by: By,
  id: number,
  patch: z.infer<typeof incomingPatch>,
): Promise<void> {
  await step(ctx, by, id, 'update', async (trx, l) => {
    if (patch.version !== l.doc.version) {
      throw E.versionConflict();
    }
    const values: Partial<repo.DocumentValues> = {};
    const changed: string[] = [];
    const set = <K extends keyof repo.DocumentValues>(
      k: K,
      v: repo.DocumentValues[K] | undefined,
      name: string,
    ) => {
      if (v !== undefined && v !== l.doc[k]) {
        values[k] = v;
        changed.push(name);
      }
    };
    if (patch.issuerId !== undefined && patch.issuerId !== null) {
      const org = await trx
        .selectFrom('organizations')
        .select(['id', 'name'])
        .where('id', '=', patch.issuerId)
        .executeTakeFirst();
      if (!org) {
        throw E.field('unknown_issuer', 'issuerId', 'No such organisation in the directory');
      }
      set('issuer_id', org.id, 'issuerId');
      set('issuer_name', org.name, 'issuerName');
    } else {
      // A typed name replaces the directory link: the two never disagree.
      if (patch.issuerId === null || patch.issuerName !== undefined) {
        set('issuer_id', null, 'issuerId');
      }
      if (
        patch.issuerName === '' ||
        (patch.issuerName === undefined && patch.issuerId === null && l.doc.issuer_name === '')
      ) {
        throw E.field('issuer_required', 'issuerName', 'Name the issuing body');
      }
      set('issuer_name', patch.issuerName, 'issuerName');
    }
    if (patch.paperLocation === '' && l.doc.stub === 1) {
      throw E.field(
        'paper_location_required',
        'paperLocation',
        'Record where the paper original of a secret document is kept',
      );
    }
    if (patch.notation !== undefined) {
      const p = parseNotation(patch.notation);
      set('notation', p.normalized, 'notation');
      set('notation_folded', notationKey(p.normalized), 'notation');
      set('document_number', p.number, 'notation');
    }
    if (patch.documentDate !== undefined && patch.documentDate > l.doc.arrival_date) {
      throw E.field('document_after_arrival', 'documentDate', 'The document is dated after it arrived');
    }
    if (patch.deadline && patch.deadline < l.doc.arrival_date) {
      throw E.field(
        'deadline_before_arrival',
        'deadline',
        'The handling deadline is before the arrival date',
      );
    }
    if (patch.documentTypeId !== undefined && patch.documentTypeId !== null) {
      const t = await trx
        .selectFrom('document_types')
        .select('id')
        .where('id', '=', patch.documentTypeId)
        .executeTakeFirst();
      if (!t) {
        throw E.field('unknown_document_type', 'documentTypeId', 'No such document type');
      }
    }
    if (
      patch.summary !== undefined &&
      l.doc.stub === 1 &&
      l.doc.secrecy === 'top_secret' &&
      patch.summary !== ''
    ) {
      throw E.field(
        'summary_withheld',
        'summary',
        'The summary of a Tuyệt mật document is not recorded on this system',
      );
    }
    if (patch.summary === '' && l.doc.secrecy === 'none') {
      throw E.field('summary_required', 'summary', 'The summary (trích yếu) is required');
    }
    set('document_date', patch.documentDate, 'documentDate');
    set('document_type_id', patch.documentTypeId, 'documentTypeId');
    set('summary', patch.summary, 'summary');
    set('signer', patch.signer, 'signer');
    set('page_count', patch.pageCount, 'pageCount');
    set('copies', patch.copies, 'copies');
    if (patch.urgency !== undefined) {
      set('urgency', patch.urgency, 'urgency');
      set('urgency_rank', urgencyRank(patch.urgency), 'urgency');
    }
    set('deadline', patch.deadline, 'deadline');
    set('paper_location', patch.paperLocation, 'paperLocation');
    set('note', patch.note, 'note');
    const fields = [...new Set(changed)];
    return {
      values,
      trail: fields.length ? { action: 'updated', details: { fields } } : null,
      after: async () => {
        if (fields.some((f) => ['summary', 'notation', 'issuerId', 'issuerName'].includes(f))) {
          await indexIncoming(trx, ctx.dialect, {
            id,
            summary: values.summary !== undefined ? values.summary : l.doc.summary,
            notation: values.notation ?? l.doc.notation,
            issuerName: values.issuer_name ?? l.doc.issuer_name,
          });
        } else if (fields.length > 0) {
          // The office-wide search also holds the signer, the note and the date (its order and year).
          await indexRecords(trx, ctx.dialect, 'incoming', [id], ctx.clock.now());
        }
      },
    };
  });
}
