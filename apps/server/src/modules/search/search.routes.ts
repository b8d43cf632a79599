import { fileTextView, idParams, searchQuery, searchResult, searchStatus } from '@vanphong/contracts';
import { z } from 'zod';
import type { AppContext } from '../../platform/context.ts';
import { fileErrors } from '../../platform/files/files.errors.ts';
import { fileStoreOf } from '../../platform/files/files.store.ts';
import { auditContextOf, doc, requireActor, requirePermission, type App } from '../../platform/http/types.ts';
import { canReadFileText, fileTextOf, searchStatusOf } from './search.usecases.ts';
import { search } from './search.query.ts';
import { rebuildSearchIndex } from './search.rebuild.ts';
import { requireInstallationScope } from '../audit/audit.policies.ts';

/** `GET /api/search`, the extraction status of a file, and the index's administration (issue 7). */
export function searchRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/search',
    {
      config: { normalizeQuery: true },
      schema: {
        ...doc({
          vi: 'Tìm kiếm văn bản đến, văn bản đi',
          en: 'Search incoming and outgoing documents',
          tag: 'search',
          example: { url: `/api/search?q=${encodeURIComponent('dang vien')}&sort=relevance`, as: 'vanthu' },
          description:
            'Tìm không phân biệt dấu ("dang vien" thấy "đảng viên"; gõ đủ dấu thì kết quả đúng dấu lên trước); gõ số ký hiệu ("12-CV/TU", "30/2020/NĐ-CP") thì tra đúng số. Kết quả, tổng số và nhóm lọc đều qua cùng bộ lọc quyền xem của từng phân hệ. Tổng số đếm tới 1.000 ("1 000+").\n\n' +
            'Folding on index and query (case, tones, đ→d, NFC); a notation-shaped query is an exact notation lookup. Results, the total and the facets all go through each module\'s visibility filter. Counted up to `cap` (1,000); relevance re-ranks those matches (newest first among equals). Filters: `kind`, `documentTypeId`, `issuer` (a facet value), `year`, `status` ("incoming.registered", "outgoing.issued"…), `secrecy`.',
        }),
        querystring: searchQuery,
        response: { 200: searchResult },
      },
    },
    async (req) => search(ctx, requireActor(req), req.query),
  );

  app.get(
    '/api/files/:id/text',
    {
      schema: {
        ...doc({
          vi: 'Trạng thái trích xuất nội dung của tệp',
          en: 'Text extraction status of a stored file',
          tag: 'search',
          example: { url: '/api/files/1/text', as: 'vanthu' },
          description:
            'Cho người đã tải tệp lên và người xem được văn bản có tệp đó; người khác nhận 404. / For the uploader and for whoever may see a record the file belongs to; 404 for anyone else.',
        }),
        params: idParams,
        response: { 200: fileTextView },
      },
    },
    async (req) => {
      const actor = requireActor(req);
      const file = await fileStoreOf(ctx, req.log).find(req.params.id);
      if (!file || !(await canReadFileText(ctx, actor, file))) {
        throw fileErrors.notFound();
      }
      return fileTextOf(ctx, file.id);
    },
  );

  app.get(
    '/api/search/status',
    {
      schema: {
        ...doc({ vi: 'Tình trạng chỉ mục tìm kiếm và công cụ trích xuất', en: 'Search index and extraction tools status', tag: 'search', example: { url: '/api/search/status' } }),
        response: { 200: searchStatus },
      },
    },
    async (req) => {
      // Installation-wide counts (secret records included): for the installation's administrators only.
      await requireInstallationScope(ctx.db, requirePermission(req, 'settings.manage'));
      return searchStatusOf(ctx);
    },
  );

  app.post(
    '/api/search/rebuild',
    {
      schema: {
        ...doc({
          vi: 'Dựng lại chỉ mục tìm kiếm',
          en: 'Rebuild the search index',
          tag: 'search',
          example: { method: 'POST', url: '/api/search/rebuild' },
          description: 'Chạy ngay; với dữ liệu lớn dùng lệnh `vanphong search rebuild`. / Runs at once; for large data use the CLI `vanphong search rebuild`.',
        }),
        response: { 200: z.object({ indexed: z.record(z.string(), z.number()), seconds: z.number(), perSecond: z.number() }) },
      },
    },
    async (req) => {
      requirePermission(req, 'settings.manage');
      return rebuildSearchIndex(ctx, auditContextOf(req));
    },
  );
}
