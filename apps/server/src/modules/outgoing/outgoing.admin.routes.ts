import { circuitInput, delegationInput, idParams, reserveInput, voidInput } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import { scopeCommitteeIds } from '../org/org.scope.ts';
import { outgoingErrors as E } from './outgoing.errors.ts';
import { headerLines, issuerKeyOf, layoutOf } from './outgoing.models.ts';
import { gapsOf, listSeries } from './outgoing.numbering.ts';
import * as repo from './outgoing.repository.ts';
import { reserveNumber, voidNumber } from './outgoing.reservations.ts';
import { delegate, listDelegations, revokeDelegation, saveCircuit } from './outgoing.review.ts';
import { viewerOrDeny } from './outgoing.usecases.ts';

const tag = 'outgoing';

/** Issuing bodies (for the drafting form's live header), review circuits, delegations, series, reserved numbers, the gap report. */
export function outgoingAdminRoutes(app: App, ctx: AppContext): void {
  const by = (req: Parameters<typeof requireActor>[0]) => ({ actor: requireActor(req), audit: auditContextOf(req) });

  app.get(
    '/api/outgoing/issuers',
    { schema: doc({ vi: 'Các cơ quan ban hành (tiêu đề văn bản)', en: 'Issuing bodies in scope, with their header lines and numbering rule', tag, example: { url: '/api/outgoing/issuers', as: 'chuyenvien' } }) },
    async (req) => {
      const actor = requireActor(req);
      await viewerOrDeny(ctx, actor);
      const scope = await scopeCommitteeIds(ctx.db, actor);
      let q = ctx.db.selectFrom('committees').select(['id', 'name', 'superior_line', 'place_name', 'abbreviation', 'numbering_rule']).where('active', '=', 1);
      if (scope !== null) {
        q = scope.length === 0 ? q.where('id', '=', -1) : q.where('id', 'in', scope);
      }
      const committees = await q.orderBy('id').execute();
      const agencies = committees.length === 0 ? [] : await ctx.db.selectFrom('agencies').select(['id', 'name', 'abbreviation', 'committee_id']).where('active', '=', 1).where('committee_id', 'in', committees.map((c) => c.id)).orderBy('id').execute();
      const items = committees.flatMap((c) => [
        { committeeId: c.id, agencyId: null as number | null, name: c.name, abbreviation: c.abbreviation, ...headerLines({ committee: c, agency: null }) },
        ...agencies.filter((a) => a.committee_id === c.id).map((a) => ({ committeeId: c.id, agencyId: a.id as number | null, name: a.name, abbreviation: a.abbreviation, ...headerLines({ committee: c, agency: a }) })),
      ]);
      return {
        items: items.map((i) => {
          const c = committees.find((x) => x.id === i.committeeId)!;
          return { ...i, issuerKey: issuerKeyOf(i.committeeId, i.agencyId), place: c.place_name, layout: layoutOf(c.numbering_rule) };
        }),
      };
    },
  );

  app.get(
    '/api/outgoing/circuits',
    { schema: doc({ vi: 'Quy trình trình duyệt', en: 'Review circuits', tag, example: { url: '/api/outgoing/circuits' } }) },
    async (req) => {
      const actor = requirePermission(req, 'settings.view');
      const rows = await repo.listCircuits(ctx.db, await scopeCommitteeIds(ctx.db, actor));
      return {
        items: rows.map((r) => ({
          id: r.id,
          issuerKey: r.issuer_key,
          issuerCommitteeId: r.committee_id,
          issuerAgencyId: r.agency_id,
          documentTypeId: r.document_type_id,
          authorityForm: r.authority_form,
          authorityLine: r.authority_line,
          signerTitle: r.signer_title,
          steps: JSON.parse(r.steps) as unknown[],
          updatedAt: r.updated_at,
        })),
      };
    },
  );

  app.put(
    '/api/outgoing/circuits',
    {
      schema: {
        ...doc({
          vi: 'Đặt quy trình trình duyệt cho cơ quan ban hành (và loại văn bản)',
          en: 'Set the review circuit of an issuing body (optionally for one document type)',
          tag,
          example: {
            method: 'PUT',
            url: '/api/outgoing/circuits',
            body: {
              issuerCommitteeId: 1,
              issuerAgencyId: 1,
              documentTypeId: null,
              authorityForm: 'direct',
              authorityLine: '',
              signerTitle: 'CHÁNH VĂN PHÒNG',
              steps: [{ kind: 'sign', userId: 3, label: 'Chánh Văn phòng ký' }],
            },
          },
        }),
        body: circuitInput,
      },
    },
    async (req) => saveCircuit(ctx, by(req), req.body),
  );

  app.get(
    '/api/outgoing/delegations',
    { schema: doc({ vi: 'Ủy quyền xử lý văn bản của tôi', en: 'My delegations (given and received)', tag, example: { url: '/api/outgoing/delegations', as: 'bithu' } }) },
    async (req) => ({
      items: (await listDelegations(ctx, by(req))).map((d) => ({
        id: d.id,
        fromUserId: d.from_user_id,
        fromName: d.from_name,
        toUserId: d.to_user_id,
        toName: d.to_name,
        startsOn: d.starts_on,
        endsOn: d.ends_on,
        reason: d.reason,
        revokedAt: d.revoked_at,
      })),
    }),
  );

  app.post(
    '/api/outgoing/delegations',
    {
      schema: {
        ...doc({ vi: 'Ủy quyền khi vắng mặt', en: 'Delegate my review and signing steps for a period', tag, example: { method: 'POST', url: '/api/outgoing/delegations', as: 'chanhvp', body: { toUserId: 4, startsOn: '2026-12-01', endsOn: '2026-12-05', reason: 'Đi công tác Trung ương' } } }),
        body: delegationInput,
      },
    },
    async (req, reply) => reply.status(201).send(await delegate(ctx, by(req), req.body)),
  );

  app.delete(
    '/api/outgoing/delegations/:id',
    { schema: { ...doc({ vi: 'Thu hồi ủy quyền', en: 'Revoke a delegation of mine', tag, example: { method: 'DELETE', url: '/api/outgoing/delegations/1', as: 'chanhvp' } }), params: idParams } },
    async (req, reply) => {
      await revokeDelegation(ctx, by(req), req.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/outgoing/series',
    { schema: doc({ vi: 'Các dãy số văn bản đi', en: 'Numbering series (issuer, type, term / year) with their last number', tag, example: { url: '/api/outgoing/series', as: 'vanthu' } }) },
    async (req) => {
      const actor = requirePermission(req, 'outgoing.issue');
      const rows = await listSeries(ctx.db, await scopeCommitteeIds(ctx.db, actor));
      return {
        items: rows.map((s) => ({ id: s.id, issuerKey: s.issuer_key, kind: s.kind, termId: s.term_id, termLabel: s.term_label, year: s.year, documentTypeId: s.document_type_id, label: s.label, lastNumber: s.last_number })),
      };
    },
  );

  app.get(
    '/api/outgoing/series/:id/gaps',
    { schema: { ...doc({ vi: 'Báo cáo số bỏ trống của một dãy số', en: 'Gap report of a series: every void, reserved-unused or unfinished number', tag, example: { url: '/api/outgoing/series/1/gaps', as: 'vanthu' } }), params: idParams } },
    async (req) => {
      // Notations, reasons and ids of unfinished issues (secret ones too): the clerk's register, not every reader's.
      const actor = requirePermission(req, 'outgoing.issue');
      const scope = await scopeCommitteeIds(ctx.db, actor);
      const s = await ctx.db.selectFrom('outgoing_series').select(['id', 'committee_id', 'label']).where('id', '=', req.params.id).executeTakeFirst();
      if (!s || (scope !== null && !scope.includes(s.committee_id))) {
        throw E.seriesNotFound();
      }
      return { seriesId: s.id, label: s.label, ...(await gapsOf(ctx.db, s.id)) };
    },
  );

  app.post(
    '/api/outgoing/numbers/reserve',
    {
      schema: {
        ...doc({ vi: 'Giữ số cho văn bản ký giấy', en: 'Reserve the next number of a series for a document signed on paper', tag, example: { method: 'POST', url: '/api/outgoing/numbers/reserve', as: 'vanthu', body: { issuerCommitteeId: 1, documentTypeId: 17, reason: 'Kế hoạch ký giấy tại hội nghị' } } }),
        body: reserveInput,
      },
    },
    async (req, reply) => reply.status(201).send(await reserveNumber(ctx, by(req), req.body)),
  );

  app.post(
    '/api/outgoing/numbers/:id/void',
    {
      schema: {
        ...doc({ vi: 'Hủy số đã giữ (ghi lý do)', en: 'Void a reserved number, with a reason', tag, example: { method: 'POST', url: '/api/outgoing/numbers/5/void', as: 'vanthu', body: { reason: 'Không ban hành văn bản' } } }),
        params: idParams,
        body: voidInput,
      },
    },
    async (req, reply) => {
      await voidNumber(ctx, by(req), req.params.id, req.body.reason);
      return reply.status(204).send();
    },
  );
}
