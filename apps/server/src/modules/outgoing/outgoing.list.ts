import type { OutgoingListQuery } from '@vanphong/contracts';
import { sql } from 'kysely';
import { foldVietnamese } from '../../platform/text/fold.ts';
import { looksLikeNotation, notationKey } from '../../platform/text/tokens.ts';
import type { Actor } from '../auth/auth.models.ts';
import { presentListItem, type ListRow } from './outgoing.presenters.ts';
import { viewerOrDeny, type Ctx } from './outgoing.usecases.ts';
import { visibleTo } from './outgoing.visibility.ts';

/**
 * The outgoing lists: every visible document, mine (drafted by me), the review inbox (a pending step
 * of mine or of someone I stand in for), and the clerk's "to issue" box. Newest first. Outgoing volumes
 * are thousands a year per committee, so an exact count is affordable here.
 */
export async function listOutgoing(ctx: Ctx, actor: Actor, q: OutgoingListQuery) {
  const viewer = await viewerOrDeny(ctx, actor);
  let base = ctx.db
    .selectFrom('outgoing_documents')
    .innerJoin('document_types as t', 't.id', 'outgoing_documents.document_type_id')
    .where(visibleTo(viewer));
  if (q.box === 'mine') {
    base = base.where('outgoing_documents.drafter_id', '=', actor.userId);
  } else if (q.box === 'review') {
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('outgoing_review_steps as s')
          .select(sql.lit(1).as('one'))
          .whereRef('s.document_id', '=', 'outgoing_documents.id')
          .where('s.status', '=', 'pending')
          .where('s.assignee_id', 'in', [actor.userId, ...viewer.standsInFor]),
      ),
    );
  } else if (q.box === 'to_issue') {
    base = base.where('outgoing_documents.status', 'in', ['signed', 'issuing']);
  }
  if (q.status) {
    base = base.where('outgoing_documents.status', '=', q.status);
  }
  if (q.documentTypeId) {
    base = base.where('outgoing_documents.document_type_id', '=', q.documentTypeId);
  }
  if (q.issuerKey) {
    base = base.where('outgoing_documents.issuer_key', '=', q.issuerKey);
  }
  if (q.from) {
    base = base.where('outgoing_documents.issued_on', '>=', q.from);
  }
  if (q.to) {
    base = base.where('outgoing_documents.issued_on', '<=', q.to);
  }
  if (q.q) {
    const text = q.q;
    base = looksLikeNotation(text)
      ? base.where('outgoing_documents.notation_folded', '=', notationKey(text))
      : base.where('outgoing_documents.summary_folded', 'like', `%${foldVietnamese(text).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .leftJoin('committees as c', 'c.id', 'outgoing_documents.committee_id')
    .leftJoin('agencies as a', 'a.id', 'outgoing_documents.agency_id')
    .innerJoin('users as u', 'u.id', 'outgoing_documents.drafter_id')
    .select([
      'outgoing_documents.id',
      'outgoing_documents.status',
      'outgoing_documents.issuer_key',
      'outgoing_documents.document_type_id',
      't.name as type_name',
      't.abbreviation as type_abbreviation',
      'outgoing_documents.summary',
      'outgoing_documents.number',
      'outgoing_documents.notation',
      'outgoing_documents.issued_on',
      'outgoing_documents.secrecy',
      'outgoing_documents.urgency',
      'outgoing_documents.stub',
      'outgoing_documents.drafter_id',
      'u.display_name as drafter_name',
      'outgoing_documents.signer_name',
      'outgoing_documents.updated_at',
      sql<string>`coalesce(a.name, c.name)`.as('issuer_name'),
      (eb) =>
        eb
          .selectFrom('outgoing_review_steps as s')
          .select('s.label')
          .whereRef('s.document_id', '=', 'outgoing_documents.id')
          .where('s.status', '=', 'pending')
          .limit(1)
          .as('current_step'),
    ])
    .orderBy('outgoing_documents.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return { total: Number(total.n), items: (rows as unknown as ListRow[]).map(presentListItem) };
}
