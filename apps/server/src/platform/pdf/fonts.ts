import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The bundled Times-compatible font with the whole Vietnamese repertoire (Tinos, SIL OFL 1.1, in
 * apps/server/assets/fonts): pdf-lib's standard fonts cannot draw "ă" or "ơ", and a fresh machine has
 * no system fonts to borrow. The directory is found from the TypeScript sources
 * (src/platform/pdf/) and from the esbuild bundle (dist/vanphong.mjs) alike. Shared by every PDF the
 * server draws: registers, stamps, signature blocks.
 */
const CANDIDATES = ['../../../assets/fonts/', '../assets/fonts/'];

export type FontStyle = 'regular' | 'bold' | 'italic';
const FILES: Record<FontStyle, string> = {
  regular: 'Tinos-Regular.ttf',
  bold: 'Tinos-Bold.ttf',
  italic: 'Tinos-Italic.ttf',
};

let fontsDir: string | null = null;
const cache = new Map<FontStyle, Uint8Array>();

function findFontsDir(): string {
  if (fontsDir) {
    return fontsDir;
  }
  for (const rel of CANDIDATES) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (fs.existsSync(`${dir}${FILES.regular}`)) {
      fontsDir = dir;
      return dir;
    }
  }
  throw new Error(`Bundled fonts not found (looked in ${CANDIDATES.join(', ')} from ${import.meta.url})`);
}

/** The bytes of one face, read once per process. */
export function fontBytes(style: FontStyle): Uint8Array {
  let bytes = cache.get(style);
  if (!bytes) {
    bytes = fs.readFileSync(`${findFontsDir()}${FILES[style]}`);
    cache.set(style, bytes);
  }
  return bytes;
}
