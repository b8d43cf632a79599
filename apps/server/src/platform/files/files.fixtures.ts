import { crc32 } from 'node:zlib';

/**
 * Tiny real samples for tests: each starts with the signature `file-type` recognises, so the sniffing
 * rules are exercised on genuine formats rather than mocks.
 */
export const samples = {
  pdf: () =>
    Buffer.from(
      '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
    ),
  png: () =>
    Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a5d2c4f60000000049454e44ae426082',
      'hex',
    ),
  jpg: () => Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex'),
  tif: () => Buffer.from('49492a00080000000000', 'hex'),
  /** An OLE2 compound file header, as in a legacy .doc or .xls. */
  cfb: () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]),
  docx: () =>
    zip([
      [
        '[Content_Types].xml',
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
      ],
      [
        'word/document.xml',
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Báo cáo</w:t></w:r></w:p></w:body></w:document>',
      ],
    ]),
  zip: () => zip([['ghi-chu.txt', 'Ghi chú']]),
  text: () => Buffer.from('Kính gửi: Văn phòng Tỉnh ủy\nNội dung báo cáo.\n'),
  csv: () => Buffer.from('số,tên\n1,Nguyễn Văn An\n'),
  xml: () => Buffer.from('<?xml version="1.0" encoding="UTF-8"?><van-ban so="12"/>'),
  exe: () => Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200)]),
  elf: () => Buffer.concat([Buffer.from('7f454c46020101', 'hex'), Buffer.alloc(100)]),
  machO: () => Buffer.concat([Buffer.from('cffaedfe', 'hex'), Buffer.alloc(100)]),
  shellScript: () => Buffer.from('#!/bin/sh\nrm -rf /\n'),
};

/** A ZIP of stored (uncompressed) entries — enough for OOXML detection. */
export function zip(entries: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name);
    const data = Buffer.from(text);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const centralBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBytes, end]);
}

/** A multipart/form-data body with one file part, as a browser sends it (UTF-8 file name). */
export function multipartFile({
  field = 'file',
  filename,
  bytes,
  contentType = 'application/octet-stream',
}: {
  field?: string;
  filename: string;
  bytes: Buffer;
  contentType?: string;
}) {
  const boundary = `----vanphong${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
