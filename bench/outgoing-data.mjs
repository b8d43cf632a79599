// Shared set-up of the outgoing-documents benchmarks (issue 4): the server's own TypeScript modules
// (loaded once through tsx's loader, so the LibreOffice slot pool and the signing-key cache are the
// ones the use cases see), a fresh demo database on SQLite or PostgreSQL, and signed documents made
// through the real use cases (createDraft → submit → approve → sign), ready for issueDocument.
//
// Two kinds of document, the same letter either way (a công văn of the Tỉnh ủy to Đảng ủy xã Tân Phú
// and Ban Tổ chức Tỉnh ủy — two bodies of this installation, so issuing delivers it by liên thông):
//   - 'template': no version file: issuing renders the DOCX, LibreOffice makes the PDF, the body seals it;
//   - 'upload':   an uploaded PDF version (LibreOffice's PDF of the same letter, made once): issuing
//                 seals the uploaded PDF, no DOCX and no LibreOffice.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, createPgDatabase, tmpDir } from './lib.mjs';

const SRC = path.join(ROOT, 'apps/server/src');
let loaded = null;

/** The server modules the benchmarks drive (one module graph: `register()` once, then plain imports). */
export async function serverModules() {
  if (loaded) {
    return loaded;
  }
  const { register } = await import('tsx/esm/api');
  register();
  const m = (p) => import(path.join(SRC, p));
  const [
    config,
    context,
    clock,
    audit,
    seed,
    seedIncoming,
    drafts,
    review,
    versions,
    issue,
    production,
    numbering,
    usecases,
    repo,
    files,
    docx,
    office,
    sign,
    verify,
    appearance,
    fonts,
  ] = await Promise.all([
    m('config.ts'),
    m('platform/context.ts'),
    m('platform/clock.ts'),
    m('platform/audit/audit.ts'),
    m('modules/seed/seed.ts'),
    m('modules/seed/seed.incoming.ts'),
    m('modules/outgoing/outgoing.drafts.ts'),
    m('modules/outgoing/outgoing.review.ts'),
    m('modules/outgoing/outgoing.versions.ts'),
    m('modules/outgoing/outgoing.issue.ts'),
    m('modules/outgoing/outgoing.production.ts'),
    m('modules/outgoing/outgoing.numbering.ts'),
    m('modules/outgoing/outgoing.usecases.ts'),
    m('modules/outgoing/outgoing.repository.ts'),
    m('platform/files/files.store.ts'),
    m('modules/outgoing/layout/layout.docx.ts'),
    m('platform/office/libreoffice.ts'),
    m('modules/signatures/signatures.sign.ts'),
    m('modules/signatures/signatures.verify.ts'),
    m('modules/signatures/signatures.appearance.ts'),
    m('platform/pdf/fonts.ts'),
  ]);
  loaded = {
    loadConfig: config.loadConfig,
    createContext: context.createContext,
    inTransaction: context.inTransaction,
    systemClock: clock.systemClock,
    systemAuditContext: audit.systemAuditContext,
    seedDemo: seed.seedDemo,
    actorOf: seedIncoming.actorOf,
    createDraft: drafts.createDraft,
    submit: review.submit,
    decide: review.decide,
    addVersionFile: versions.addVersionFile,
    issueDocument: issue.issueDocument,
    productionFor: production.productionFor,
    ensureSeries: numbering.ensureSeries,
    takeNumber: numbering.takeNumber,
    insertNumber: numbering.insertNumber,
    gapsOf: numbering.gapsOf,
    layoutOfDocument: usecases.layoutOfDocument,
    findDocument: repo.findDocument,
    fileStoreOf: files.fileStoreOf,
    renderDocx: docx.renderDocx,
    docxToPdf: office.docxToPdf,
    findSoffice: office.findSoffice,
    officeLoad: office.officeLoad,
    signPdf: sign.signPdf,
    verifyPdf: verify.verifyPdf,
    addSignatureField: appearance.addSignatureField,
    fontBytes: fonts.fontBytes,
  };
  return loaded;
}

/**
 * A migrated context with the demo data on a fresh database of `engine` (its own PostgreSQL database,
 * `vp_bench_<random>`, dropped by `cleanup`; or a SQLite file in a temporary data dir).
 */
export async function demoContext(engine) {
  const s = await serverModules();
  const dataDir = tmpDir('vp-bench-outgoing-');
  const pg = engine === 'postgres' ? await createPgDatabase() : null;
  const config = s.loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, DATABASE_URL: pg?.url ?? '' });
  const ctx = await s.createContext({ config, clock: s.systemClock });
  try {
    await s.seedDemo(ctx, { nodeEnv: 'test' });
  } catch (e) {
    await ctx.close();
    await pg?.drop();
    throw e;
  }
  const ids = await demoIds(ctx);
  return {
    engine,
    ctx,
    ids,
    async cleanup() {
      await ctx.close();
      await pg?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function demoIds(ctx) {
  const one = async (q) => (await q.executeTakeFirstOrThrow()).id;
  const db = ctx.db;
  return {
    province: await one(db.selectFrom('committees').select('id').where('parent_id', 'is', null)),
    tanPhu: await one(db.selectFrom('committees').select('id').where('name', '=', 'Đảng ủy xã Tân Phú')),
    btctu: await one(db.selectFrom('agencies').select('id').where('abbreviation', '=', 'BTCTU')),
    vptu: await one(db.selectFrom('agencies').select('id').where('abbreviation', '=', 'VPTU')),
    types: Object.fromEntries(
      (
        await db
          .selectFrom('document_types')
          .select(['id', 'abbreviation'])
          .where('family', '=', 'party')
          .execute()
      ).map((t) => [t.abbreviation, t.id]),
    ),
  };
}

/** The letter every benchmark document is (trích yếu numbered so documents differ). */
export function letterInput(ids, i, typeId = ids.types.CV) {
  return {
    issuerCommitteeId: ids.province,
    issuerAgencyId: null,
    documentTypeId: typeId,
    draftingAgencyId: ids.vptu,
    secrecy: 'none',
    urgency: 'normal',
    copies: 1,
    congress: false,
    paperLocation: '',
    recipients: [
      { committeeId: ids.tanPhu, agencyId: null, organizationId: null },
      { committeeId: null, agencyId: ids.btctu, organizationId: null },
    ],
    content: {
      summary: `V/v báo cáo kết quả thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị, đợt ${i + 1}`,
      body:
        'Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, ' +
        'Ban Thường vụ Tỉnh ủy đề nghị các đơn vị báo cáo kết quả thực hiện năm 2026, phương hướng, nhiệm vụ năm 2027.\n' +
        'Báo cáo gửi về Văn phòng Tỉnh ủy (qua phòng Tổng hợp) trước ngày 15/12/2026 để tổng hợp, báo cáo Thường trực Tỉnh ủy.',
      addressees: ['Đảng ủy xã Tân Phú', 'Ban Tổ chức Tỉnh ủy'],
      extraRecipientLines: [],
    },
  };
}

/**
 * `n` signed documents through the real use cases, ready to issue: `kind` 'template' (no version file)
 * or 'upload' (the version is `uploadPdf`, stored once per document as the drafter's upload).
 * Returns [{ id, version }].
 */
export async function signedLetters(h, n, { kind = 'template', uploadPdf = null, typeId, from = 0 } = {}) {
  const s = await serverModules();
  const { ctx, ids } = h;
  const audit = s.systemAuditContext('bench');
  const [drafter, chief, secretary] = await Promise.all(
    ['chuyenvien', 'chanhvp', 'bithu'].map((u) => s.actorOf(ctx, u)),
  );
  const store = s.fileStoreOf(ctx);
  const out = [];
  for (let i = from; i < from + n; i++) {
    const { id } = await s.createDraft(ctx, { actor: drafter, audit }, letterInput(ids, i, typeId));
    let v = 1;
    if (kind === 'upload') {
      const file = await s.inTransaction(ctx, (trx) =>
        store.put({ bytes: uploadPdf, name: `cv-${i}.pdf`, createdBy: drafter.userId, trx, audit }),
      );
      await s.addVersionFile(ctx, { actor: drafter, audit }, id, { fileId: file.id, note: '' });
      v += 1;
    }
    await s.submit(ctx, { actor: drafter, audit }, id, v);
    await s.decide(ctx, { actor: chief, audit }, id, 'approve', { version: v + 1, comment: 'Đồng ý.' });
    await s.decide(ctx, { actor: secretary, audit }, id, 'sign', { version: v + 2, comment: '' });
    out.push({ id, version: v + 3 });
  }
  return out;
}
