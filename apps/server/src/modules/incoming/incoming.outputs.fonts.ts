/** The bundled Tinos faces now live in platform/pdf (shared by every module that draws a PDF). */
export { fontBytes, type FontStyle } from '../../platform/pdf/fonts.ts';
