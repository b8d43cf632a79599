import { idParams, recallAnswerInput } from '@vanphong/contracts';
import type { AppContext } from '../../platform/context.ts';
import { auditContextOf, doc, requireActor, type App } from '../../platform/http/types.ts';
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
}
