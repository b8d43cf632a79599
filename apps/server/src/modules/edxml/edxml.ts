/**
 * edXML (QCVN 102:2016/BTTTT, spec §10): document and status packets, built and parsed as pure
 * functions. The outgoing and incoming modules call these; nothing here touches the database.
 */
export * from './edxml.models.ts';
export { buildDocumentPackage, parseDocumentPackage } from './edxml.document.ts';
export { buildStatusPackage, parseStatusPackage } from './edxml.status.ts';
export { normalizeDocument, normalizeStatus, validateAttachments, validateDocument, validateStatus } from './edxml.validate.ts';
