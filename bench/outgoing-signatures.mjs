// PDF signing and verification per document (issue 4 §5): the server's own `signPdf` (PAdES B-B with
// the issuing body's key, visible block on the last page) and `verifyPdf`, in-process, on SQLite and
// PostgreSQL (each a fresh demo database; the engines are alternated call by call, so a burst of other
// work on the shared machine hits both alike):
//
//   nice -n 10 node bench/outgoing-signatures.mjs [--engines sqlite,postgres] [--reps 200] [--parts 50]
//
// Four unsigned PDFs: 1 and 10 A4 pages drawn by pdf-lib (Vietnamese text in the bundled Tinos, as the
// signature tests make them), and LibreOffice's PDF of a công văn of 1 and of 10 pages (what issuing
// seals). Each is signed `--reps` times per engine, and its signed copy verified `--reps` times per
// engine (every verification must say valid and trusted); the rounds interleave the PDFs and the
// engines, and each call's CPU time (this process) is recorded beside its wall time. Where the time of a
// signature goes, from `--parts` runs per PDF (engine-free): pdf-lib's load + save alone, and load + the
// signature field (block, fonts) + save; the rest of signPdf is the key lookup and the CMS. Prints JSON.
import { performance } from 'node:perf_hooks';
import { demoContext, serverModules, signedLetters } from './outgoing-data.mjs';
import {
  engineVersions,
  isMain,
  log,
  machineInfo,
  median,
  parseArgs,
  percentile,
  printJson,
  requireFromRoot,
  round,
} from './lib.mjs';

const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return {
    n: s.length,
    p50: round(percentile(s, 50), 1),
    p95: round(percentile(s, 95), 1),
    max: round(s[s.length - 1], 1),
    mean: round(s.reduce((a, b) => a + b, 0) / (s.length || 1), 1),
  };
};

const AT = new Date('2026-11-26T02:30:00Z');

/** A real A4 PDF with Vietnamese text on each page (pdf-lib, bundled Tinos) — as signatures.test-support's makePdf. */
async function pdfLibPdf(s, pages) {
  const { PDFDocument } = requireFromRoot('pdf-lib');
  const fontkit = requireFromRoot('@pdf-lib/fontkit');
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(s.fontBytes('regular'), { subset: true });
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('TỈNH ỦY HỒNG LAM', { x: 70, y: 780, size: 13, font });
    page.drawText(`Trang ${i}: Về việc tăng cường công tác văn thư, lưu trữ trong các cơ quan Đảng.`, {
      x: 70,
      y: 700,
      size: 12,
      font,
    });
    page.drawText('Nơi nhận: - Các đảng ủy trực thuộc, - Lưu Văn phòng Tỉnh ủy.', {
      x: 70,
      y: 90,
      size: 11,
      font,
    });
  }
  return Buffer.from(await doc.save());
}

const PARAGRAPH =
  'Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh, ' +
  'các cấp ủy, tổ chức đảng đã quán triệt sâu rộng nội dung chỉ thị đến cán bộ, đảng viên; gắn việc học tập với giải quyết những vấn đề bức xúc, ' +
  'nổi cộm ở địa phương, cơ quan, đơn vị; nhiều mô hình, cách làm hay được nhân rộng, tạo chuyển biến rõ nét trong rèn luyện đạo đức, lối sống.';

/** LibreOffice's PDF of the benchmark letter, its body stretched to about `pages` pages. */
async function officePdf(s, layout, pages) {
  const { PDFDocument } = requireFromRoot('pdf-lib');
  let paragraphs = pages === 1 ? 0 : pages * 5;
  for (let tries = 0; tries < 6; tries++) {
    const body = [
      layout.body,
      ...Array.from({ length: paragraphs }, (_, i) => `${i + 1}. ${PARAGRAPH}`),
    ].join('\n');
    const pdf = await s.docxToPdf(await s.renderDocx({ ...layout, body }));
    const n = (await PDFDocument.load(pdf)).getPageCount();
    if (n === pages) {
      return pdf;
    }
    paragraphs = Math.max(0, Math.round((paragraphs * pages) / n));
  }
  throw new Error(`could not lay out a ${pages}-page letter`);
}

export async function outgoingSignatures({ engines = ['sqlite', 'postgres'], reps = 200, parts = 50 } = {}) {
  const s = await serverModules();
  const { PDFDocument } = requireFromRoot('pdf-lib');
  const machine = machineInfo();
  const versions = await engineVersions();
  const hs = [];
  const out = { machine, engines: versions, reps, parts, inputs: [], results: [], checks: {} };
  try {
    for (const engine of engines) {
      hs.push(await demoContext(engine));
    }
    const h0 = hs[0];
    const issuer = { committeeId: h0.ids.province, agencyId: null };
    const body = (
      await h0.ctx.db
        .selectFrom('committees')
        .select('name')
        .where('id', '=', issuer.committeeId)
        .executeTakeFirstOrThrow()
    ).name;
    const sign = (h, pdf) =>
      s.signPdf(h.ctx, {
        issuer,
        pdf,
        signerName: 'Phạm Quang Vinh',
        bodyName: body,
        at: AT,
        reason: 'Phát hành văn bản',
      });

    // inputs
    const inputs = [
      { name: 'pdf-lib, 1 page', pdf: await pdfLibPdf(s, 1), pages: 1 },
      { name: 'pdf-lib, 10 pages', pdf: await pdfLibPdf(s, 10), pages: 10 },
    ];
    if (s.findSoffice()) {
      const [d] = await signedLetters(h0, 1);
      const doc = await h0.ctx.db
        .selectFrom('outgoing_documents')
        .selectAll()
        .where('id', '=', d.id)
        .executeTakeFirstOrThrow();
      const layout = await s.layoutOfDocument(h0.ctx.db, doc, 2026);
      const numbered = { ...layout, number: 12, notation: '12-CV/TU', date: '2026-11-26' };
      inputs.push(
        { name: 'LibreOffice letter, 1 page', pdf: await officePdf(s, numbered, 1), pages: 1 },
        { name: 'LibreOffice letter, 10 pages', pdf: await officePdf(s, numbered, 10), pages: 10 },
      );
    } else {
      log('outgoing-signatures: no LibreOffice, only the pdf-lib PDFs');
    }
    out.inputs = inputs.map((x) => ({ name: x.name, pages: x.pages, bytes: x.pdf.length }));

    // warm-up: the development CA and the body's key are generated at the first signature (RSA 2048)
    for (const h of hs) {
      const t0 = performance.now();
      await sign(h, inputs[0].pdf);
      log(
        `outgoing-signatures: ${h.engine} first signature (generates the keys) ${round(performance.now() - t0, 0)} ms`,
      );
      for (let i = 0; i < 3; i++) {
        await s.verifyPdf(h.ctx.db, await sign(h, inputs[0].pdf));
      }
    }

    // Every round signs each PDF once per engine, then verifies; then the parts. Rounds interleave the
    // PDFs and the engines, so a burst of other work on the shared machine hits them all alike.
    const cell = () => new Map(hs.map((h) => [h.engine, { ms: [], cpu: [] }]));
    const per = inputs.map(() => ({
      sign: cell(),
      verify: cell(),
      signed: new Map(),
      good: true,
      loadSave: [],
      withField: [],
    }));
    const cpuNow = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const timed = async (into, fn) => {
      const c0 = cpuNow();
      const t0 = performance.now();
      const r = await fn();
      into.ms.push(performance.now() - t0);
      into.cpu.push(cpuNow() - c0);
      return r;
    };
    for (let i = 0; i < reps; i++) {
      for (const [k, input] of inputs.entries()) {
        const p = per[k];
        for (const h of hs) {
          p.signed.set(h.engine, await timed(p.sign.get(h.engine), () => sign(h, input.pdf)));
        }
        for (const h of hs) {
          const v = await timed(p.verify.get(h.engine), () => s.verifyPdf(h.ctx.db, p.signed.get(h.engine)));
          p.good &&= v.valid && v.trusted && v.signers.length === 1;
        }
        // where a signature's time goes (no database)
        if (i < parts) {
          let t0 = performance.now();
          let doc = await PDFDocument.load(input.pdf, { updateMetadata: false });
          await doc.save({ useObjectStreams: false });
          p.loadSave.push(performance.now() - t0);
          t0 = performance.now();
          doc = await PDFDocument.load(input.pdf, { updateMetadata: false });
          await s.addSignatureField(doc, {
            bodyName: body,
            signerName: 'Phạm Quang Vinh',
            at: AT,
            reason: 'Phát hành văn bản',
            contentsBytes: 8192,
          });
          await doc.save({ useObjectStreams: false });
          p.withField.push(performance.now() - t0);
        }
      }
      if ((i + 1) % 50 === 0) {
        log(`outgoing-signatures: ${i + 1} of ${reps} rounds`);
      }
    }
    const cpuStat = (xs) => round(median(xs), 1);
    for (const [k, input] of inputs.entries()) {
      const p = per[k];
      const row = { input: input.name, pages: input.pages, bytes: input.pdf.length, sign: {}, verify: {} };
      for (const h of hs) {
        const sg = p.sign.get(h.engine);
        const vf = p.verify.get(h.engine);
        row.sign[h.engine] = { ...stat(sg.ms), cpuMsP50: cpuStat(sg.cpu) };
        row.verify[h.engine] = { ...stat(vf.ms), cpuMsP50: cpuStat(vf.cpu) };
      }
      row.signedBytes = p.signed.get(hs[0].engine).length;
      row.parts = { loadSave: stat(p.loadSave), loadFieldSave: stat(p.withField) };
      out.checks[input.name] = { everyVerificationValidAndTrusted: p.good };
      out.results.push(row);
      log(
        `outgoing-signatures: ${input.name}: sign ${hs.map((h) => `${h.engine} ${row.sign[h.engine].p50}/${row.sign[h.engine].p95} (cpu ${row.sign[h.engine].cpuMsP50})`).join(', ')} ms; ` +
          `verify ${hs.map((h) => `${h.engine} ${row.verify[h.engine].p50}/${row.verify[h.engine].p95}`).join(', ')} ms; ` +
          `load+save ${row.parts.loadSave.p50}, +field ${row.parts.loadFieldSave.p50} ms`,
      );
    }
  } finally {
    for (const h of hs) {
      await h.cleanup();
    }
  }
  out.loadAvgAfter = machineInfo().loadAvg;
  return out;
}

if (isMain(import.meta.url)) {
  const a = parseArgs();
  const t0 = performance.now();
  const r = await outgoingSignatures({
    engines: a.engines ? String(a.engines).split(',') : ['sqlite', 'postgres'],
    reps: a.reps ?? 200,
    parts: a.parts ?? 50,
  });
  r.durationS = round((performance.now() - t0) / 1000, 0);
  printJson(r);
  process.exit(0);
}
