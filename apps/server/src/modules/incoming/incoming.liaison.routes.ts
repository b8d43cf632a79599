import multipart from '@fastify/multipart';
import { idParams, recallAnswerInput } from '@vanphong/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { badRequest } from '../../platform/errors.ts';
import { auditContextOf, doc, requireActor, type App } from '../../platform/http/types.ts';
import { importPackage } from './incoming.edxml.ts';
import { answerRecall } from './incoming.liaison.ts';

/** Liên thông on the receiving side: answering the sender's recall request. */
export function incomingLiaisonRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/incoming/:id/recall-answer',
    {
      schema: {
        ...doc({
          vi: 'Trả lời đề nghị thu hồi của nơi gửi (văn bản liên thông)',
          en: 'Answer the sender’s recall request of a document received by liên thông (agree cancels it here)',
          tag: 'incoming',
          example: { method: 'POST', url: '/api/incoming/26/recall-answer', as: 'vanthu', body: { agree: true, note: 'Đồng ý thu hồi' } },
        }),
        params: idParams,
        body: recallAnswerInput,
      },
    },
    async (req, reply) => {
      await answerRecall(ctx, { actor: requireActor(req), audit: auditContextOf(req) }, req.params.id, req.body);
      return reply.status(204).send();
    },
  );

  app.register(async (scope: App) => {
    await scope.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 5, parts: 6 } });
    scope.post(
      '/api/incoming/edxml',
      {
        schema: {
          ...doc({
            vi: 'Nhận gói edXML: kiểm tra, đọc các trường, vào sổ (register=1)',
            en: 'Receive an edXML package: validate (errors name the element), read the fields, register it at once with register=1',
            tag: 'incoming',
            example: { method: 'POST', url: '/api/incoming/edxml?register=1', as: 'vanthu', multipart: { field: 'file', filename: 'cong-van-01-CV-TU.edxml', contentType: 'application/xml' } },
          }),
          querystring: z.object({ register: z.enum(['0', '1']).default('0') }).strict(),
          consumes: ['multipart/form-data'],
        },
      },
      async (req, reply) => {
        const b = { actor: requireActor(req), audit: auditContextOf(req) };
        const part = req.isMultipart() ? await req.file() : undefined;
        if (!part || part.fieldname !== 'file') {
          throw badRequest('incoming.edxml_missing', 'Attach the package in the field "file"', [{ path: 'file', message: 'required' }]);
        }
        const bytes = await part.toBuffer();
        const r = await importPackage(ctx, b, bytes, { register: req.query.register === '1' });
        return reply.status(r.incomingId === null ? 200 : 201).send(r);
      },
    );
  });
}
