import { describe, expect, it } from 'vitest';
import { cleanFileName, executableSignature, extensionOf } from './files.sniff.ts';
import { samples } from './files.fixtures.ts';

describe('file names and signatures', () => {
  it('takes the extension after the last dot, so "hoso.pdf.exe" is an .exe', () => {
    expect(extensionOf('hoso.pdf.exe')).toBe('exe');
    expect(extensionOf('Báo cáo.PDF')).toBe('pdf');
    expect(extensionOf('.bashrc')).toBe('');
    expect(extensionOf('khong-duoi')).toBe('');
  });

  it('stores names in NFC without folders or control characters, and keeps the extension of very long names', () => {
    expect(cleanFileName('../../etc/Tờ trình\u0007.pdf'.normalize('NFD'))).toBe('Tờ trình.pdf');
    const long = cleanFileName(`${'Nghị quyết '.repeat(40)}.docx`);
    expect(long.length).toBe(255);
    expect(long.endsWith('.docx')).toBe(true);
  });

  it('recognises PE, ELF, Mach-O and shebang signatures, and nothing in a PDF', () => {
    expect(executableSignature(samples.exe())).toBe('pe');
    expect(executableSignature(samples.elf())).toBe('elf');
    expect(executableSignature(samples.machO())).toBe('mach-o');
    expect(executableSignature(samples.shellScript())).toBe('script');
    expect(executableSignature(samples.pdf())).toBeNull();
  });
});
