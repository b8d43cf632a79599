import fontkit from '@pdf-lib/fontkit';
import {
  beginText,
  endText,
  PDFDocument,
  PDFFont,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFString,
  PDFArray,
  PDFDict,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
  type PDFOperator,
  type PDFPage,
} from 'pdf-lib';
import { fontBytes } from '../incoming/incoming.outputs.fonts.ts';

/**
 * The signature field of a PAdES signature: the signature dictionary with its ByteRange/Contents
 * placeholders (filled by @signpdf/signpdf), and a widget on the last page whose appearance is the
 * visible block — "Ký bởi", "Người ký", "Thời gian" in the bundled Tinos so Vietnamese marks are right.
 * The block sits in the bottom-right corner inside the bottom margin (Party documents keep 20 mm
 * there), so it does not cover the text or the hand signature above it.
 */

/** The ByteRange placeholder @signpdf/signpdf looks for (its DEFAULT_BYTE_RANGE_PLACEHOLDER). */
const BYTE_RANGE_PLACEHOLDER = '**********';

const RED = [0.72, 0.05, 0.05] as const;
const FONT_SIZE = 8.5;
const MIN_FONT_SIZE = 6.5;
const LEADING = 1.25;
const PAD = 5;
const RIGHT_MARGIN = 28; // ≈ 1 cm from the page's right edge
const BOTTOM = 14; // ≈ 5 mm from the page's bottom edge
const MAX_WIDTH = 250;

export interface BlockText {
  bodyName: string;
  signerName: string;
  at: Date;
}

/** "dd/mm/yyyy HH:mm" in Vietnam's time (UTC+7 all year, no daylight saving). */
export function vietnamTime(at: Date): string {
  const v = new Date(at.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}

interface Segment {
  text: string;
  font: 'F1' | 'F2';
}
interface Line {
  indent: number;
  segments: Segment[];
}

/** Label + value lines; a value too wide for the block wraps under itself, word by word. */
function layoutBlock(t: BlockText, fonts: Record<'F1' | 'F2', PDFFont>, size: number, inner: number): Line[] {
  const rows: [string, string, 'F1' | 'F2'][] = [
    ['Ký bởi: ', t.bodyName, 'F2'],
    ['Người ký: ', t.signerName, 'F1'],
    ['Thời gian: ', `${vietnamTime(t.at)} (GMT+7)`, 'F1'],
  ];
  const lines: Line[] = [];
  for (const [label, value, font] of rows) {
    const indent = fonts.F1.widthOfTextAtSize(label, size);
    let current = '';
    let first = true;
    const flush = () => {
      lines.push({ indent: first ? 0 : indent, segments: [...(first ? [{ text: label, font: 'F1' as const }] : []), { text: current, font }] });
      first = false;
      current = '';
    };
    for (const word of value.split(/\s+/).filter(Boolean)) {
      const candidate = current ? `${current} ${word}` : word;
      if (current && indent + fonts[font].widthOfTextAtSize(candidate, size) > inner) {
        flush();
        current = word;
      } else {
        current = candidate;
      }
    }
    flush();
  }
  return lines;
}

const lineWidth = (l: Line, fonts: Record<'F1' | 'F2', PDFFont>, size: number) =>
  l.indent + l.segments.reduce((w, s) => w + fonts[s.font].widthOfTextAtSize(s.text, size), 0);

/** The appearance stream of the block, and its size. */
async function appearance(doc: PDFDocument, page: PDFPage, t: BlockText) {
  doc.registerFontkit(fontkit);
  const fonts = {
    F1: await doc.embedFont(fontBytes('regular'), { subset: true }),
    F2: await doc.embedFont(fontBytes('bold'), { subset: true }),
  };
  const maxWidth = Math.min(MAX_WIDTH, page.getCropBox().width * 0.45);
  // The largest size at which no line needs wrapping, down to MIN_FONT_SIZE; below that, wrap.
  let size = FONT_SIZE;
  let lines = layoutBlock(t, fonts, size, Number.POSITIVE_INFINITY);
  while (size > MIN_FONT_SIZE && Math.max(...lines.map((l) => lineWidth(l, fonts, size))) > maxWidth - 2 * PAD) {
    size -= 0.5;
    lines = layoutBlock(t, fonts, size, Number.POSITIVE_INFINITY);
  }
  lines = layoutBlock(t, fonts, size, maxWidth - 2 * PAD);
  const width = Math.ceil(Math.max(...lines.map((l) => lineWidth(l, fonts, size))) + 2 * PAD);
  const leading = size * LEADING;
  const height = Math.ceil(lines.length * leading + 2 * PAD - (leading - size) + 2);
  const ops: PDFOperator[] = [
    pushGraphicsState(),
    setStrokingRgbColor(...RED),
    setLineWidth(0.8),
    rectangle(0.4, 0.4, width - 0.8, height - 0.8),
    stroke(),
    beginText(),
    setFillingRgbColor(...RED),
  ];
  lines.forEach((line, i) => {
    let x = PAD + line.indent;
    const y = height - PAD - size - i * leading + 1;
    for (const s of line.segments) {
      ops.push(setFontAndSize(s.font, size), setTextMatrix(1, 0, 0, 1, x, y), showText(fonts[s.font].encodeText(s.text)));
      x += fonts[s.font].widthOfTextAtSize(s.text, size);
    }
  });
  ops.push(endText(), popGraphicsState());
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: fonts.F1.ref, F2: fonts.F2.ref } },
  });
  return { ref: doc.context.register(stream), width, height };
}

export interface PlaceholderInput extends BlockText {
  reason?: string;
  location?: string;
  /** Bytes reserved for the CMS (the hex string is twice as long). */
  contentsBytes: number;
}

/**
 * Adds the signature field to `doc` (last page) and returns nothing; `doc.save()` then gives the PDF
 * that @signpdf/signpdf fills. The signature dictionary is written as raw bytes (PDFInvalidObject) so
 * pdf-lib can never move it into an object stream, where its byte offsets would mean nothing.
 */
export async function addSignatureField(doc: PDFDocument, input: PlaceholderInput): Promise<void> {
  const page = doc.getPages().at(-1)!;
  const ctx = doc.context;
  const byteRange = PDFArray.withContext(ctx);
  byteRange.push(PDFNumber.of(0));
  for (let i = 0; i < 3; i++) {
    byteRange.push(PDFName.of(BYTE_RANGE_PLACEHOLDER));
  }
  const sigDict = ctx.obj({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: 'ETSI.CAdES.detached',
    ByteRange: byteRange,
    Contents: PDFHexString.of('0'.repeat(input.contentsBytes * 2)),
    M: PDFString.fromDate(input.at),
    Name: PDFHexString.fromText(input.signerName),
    ...(input.reason ? { Reason: PDFHexString.fromText(input.reason) } : {}),
    ...(input.location ? { Location: PDFHexString.fromText(input.location) } : {}),
    Prop_Build: { Filter: { Name: 'Adobe.PPKLite' }, App: { Name: 'vanphong' } },
  });
  const raw = new Uint8Array(sigDict.sizeInBytes());
  sigDict.copyBytesInto(raw, 0);
  const sigRef = ctx.register(PDFInvalidObject.of(raw));

  const ap = await appearance(doc, page, input);
  const crop = page.getCropBox();
  const x2 = crop.x + crop.width - RIGHT_MARGIN;
  const y1 = crop.y + BOTTOM;
  const rect = [x2 - ap.width, y1, x2, y1 + ap.height];

  let acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!acroForm) {
    acroForm = ctx.obj({ Fields: [] });
    doc.catalog.set(PDFName.of('AcroForm'), ctx.register(acroForm));
  }
  let fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) {
    fields = ctx.obj([]);
    acroForm.set(PDFName.of('Fields'), fields);
  }
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: rect,
    V: sigRef,
    T: PDFString.of(`Signature${fields.size() + 1}`),
    F: 4 | 128, // Print | Locked
    P: page.ref,
    AP: { N: ap.ref },
  });
  const widgetRef = ctx.register(widget);
  fields.push(widgetRef);
  // SignaturesExist | AppendOnly (PDF 32000-1 table 219).
  const flags = acroForm.lookupMaybe(PDFName.of('SigFlags'), PDFNumber)?.asNumber() ?? 0;
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(flags | 1 | 2));
  let annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) {
    annots = ctx.obj([]);
    page.node.set(PDFName.of('Annots'), annots);
  }
  annots.push(widgetRef);
}
