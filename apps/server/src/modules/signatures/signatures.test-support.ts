import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { createTestApp, type TestApp } from '../../../test/http.ts';
import { createTestContext } from '../../../test/test-context.ts';
import { buildApp } from '../../platform/http/app.ts';
import { seedDemo } from '../seed/seed.ts';
import { fontBytes } from '../incoming/incoming.outputs.fonts.ts';
import { buildP12, issueCertificate, newRsaKeyPair } from './signatures.pki.ts';
import { signaturesRoutes } from './signatures.routes.ts';

/** A real A4 PDF with Vietnamese text on each page (pdf-lib, bundled Tinos). */
export async function makePdf(pages = 2): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(fontBytes('regular'), { subset: true });
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText('TỈNH ỦY HỒNG LAM', { x: 70, y: 780, size: 13, font });
    page.drawText(`Trang ${i}: Về việc tăng cường công tác văn thư, lưu trữ trong các cơ quan Đảng.`, { x: 70, y: 700, size: 12, font });
    page.drawText('Nơi nhận: - Các đảng ủy trực thuộc, - Lưu Văn phòng Tỉnh ủy.', { x: 70, y: 90, size: 11, font });
  }
  return Buffer.from(await doc.save());
}

/** A CA outside the installation and a signing certificate it issued, as a PKCS#12 (for "untrusted" cases). */
export async function foreignIdentity(commonName = 'Sở Nội vụ tỉnh Bắc Sơn', password = 'mật-khẩu-thử') {
  const ca = await newRsaKeyPair(2048);
  const now = new Date(Date.now() - 86_400_000);
  const later = new Date(Date.now() + 3 * 365 * 86_400_000);
  const caPem = issueCertificate({
    subject: { commonName: 'CA thử nghiệm Bắc Sơn', organization: 'Bắc Sơn', country: 'VN' },
    publicKeyPem: ca.publicKeyPem,
    issuer: { privateKeyPem: ca.privateKeyPem, certificatePem: null },
    ca: true,
    notBefore: now,
    notAfter: later,
  });
  const leaf = await newRsaKeyPair(2048);
  const leafPem = issueCertificate({
    subject: { commonName, organization: 'UBND tỉnh Bắc Sơn', country: 'VN' },
    publicKeyPem: leaf.publicKeyPem,
    issuer: { privateKeyPem: ca.privateKeyPem, certificatePem: caPem },
    ca: false,
    notBefore: now,
    notAfter: later,
  });
  const p12 = buildP12({ privateKeyPem: leaf.privateKeyPem, certificatePems: [leafPem, caPem], password, friendlyName: commonName });
  return { p12, password, caPem, leafPem, leafKeyPem: leaf.privateKeyPem };
}

export const hasTool = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** Runs a poppler tool on the bytes; stdout+stderr and the exit status. */
export function runPdfTool(tool: string, pdf: Buffer, args: string[] = []): { status: number; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vp-sig-'));
  const file = path.join(dir, 'doc.pdf');
  fs.writeFileSync(file, pdf);
  try {
    const r = spawnSync(tool, [...args, file], { encoding: 'utf8' });
    return { status: r.status ?? -1, output: `${r.stdout}${r.stderr}` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders one page to PNG (pdftoppm) and returns its path, kept for a person to look at. */
export function renderPage(pdf: Buffer, page: number, outBase: string, dpi = 60): string {
  const src = `${outBase}.pdf`;
  fs.writeFileSync(src, pdf);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-f', String(page), '-l', String(page), '-singlefile', src, outBase]);
  return `${outBase}.png`;
}

/**
 * A true incremental update (PDF 32000-1 §7.5.6): a new object, an xref section for it and a trailer
 * pointing back at the previous one — what an editor appends when it changes a signed file.
 */
export function appendIncrementalUpdate(pdf: Buffer): Buffer {
  const text = pdf.toString('latin1');
  const prevXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)![1]);
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)![1];
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)![1]);
  const head = `\n${size} 0 obj\n<< /Producer (sua sau khi ky) >>\nendobj\n`;
  const objOffset = pdf.length + 1;
  const xrefOffset = pdf.length + Buffer.byteLength(head, 'latin1');
  const tail =
    `xref\n${size} 1\n${String(objOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prevXref} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(head + tail, 'latin1')]);
}

/**
 * The HTTP test app with the signatures routes: createTestApp() once modules.ts registers them,
 * otherwise the same app with the routes added here.
 */
export async function createSignaturesTestApp(): Promise<TestApp> {
  const modules = fs.readFileSync(new URL('../../platform/http/modules.ts', import.meta.url), 'utf8');
  return modules.includes('signaturesRoutes(') ? createTestApp() : createTestAppWith((a, ctx) => signaturesRoutes(a, ctx));
}

async function createTestAppWith(extra: (app: Awaited<ReturnType<typeof buildApp>>, ctx: TestApp['ctx']) => void): Promise<TestApp> {
  const tc = await createTestContext();
  await seedDemo(tc.ctx, { nodeEnv: 'test' });
  const app = await buildApp(tc.ctx);
  extra(app, tc.ctx);
  await app.ready();
  const client = (cookie: string, csrf: string) => {
    const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        payload: body === undefined ? undefined : JSON.stringify(body),
      });
    return {
      cookie,
      csrf,
      get: (u: string) => send('GET', u),
      post: (u: string, b?: unknown) => send('POST', u, b ?? {}),
      patch: (u: string, b?: unknown) => send('PATCH', u, b),
      put: (u: string, b?: unknown) => send('PUT', u, b),
      del: (u: string) => send('DELETE', u),
    };
  };
  return {
    ...tc,
    app,
    login: async (username: string, password = 'vanphong-demo') => {
      const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (r.statusCode !== 200) {
        throw new Error(`login ${username} failed: ${r.statusCode} ${r.body}`);
      }
      return client(`vp_session=${r.cookies.find((c) => c.name === 'vp_session')?.value}`, r.json().csrfToken);
    },
    cleanup: async () => {
      await app.close();
      await tc.cleanup();
    },
  };
}

/** A multipart/form-data body with text fields and files (what a browser form or `curl -F` sends). */
export function multipartBody(fields: Record<string, string>, files: { field: string; filename: string; bytes: Buffer; contentType: string }[]) {
  const boundary = `----vanphong${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.contentType}\r\n\r\n`),
      f.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
