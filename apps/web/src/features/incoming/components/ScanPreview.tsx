import {
  DownloadOutlined,
  FileUnknownOutlined,
  LockOutlined,
  ZoomInOutlined,
  ZoomOutOutlined,
} from '@ant-design/icons';
import { Alert, Button, Collapse, Descriptions, Empty, Flex, Tooltip, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanReading } from '../utils/captured-values';

/** The page to show: stored on the server (isolated LAN), or the clerk's own file, shown from the browser. */
interface ShownFile {
  originalName: string;
  contentType: string;
  /** For an <img> or a download. */
  url: string;
  /** For the PDF frame: only a stored file (the policy does not let a page frame blob: URLs). */
  frameUrl: string | null;
}

/** The stored scan: inline for the page beside the form, or as a download. */
export const storedFileUrl = (id: number, inline: boolean) =>
  `/api/files/${id}${inline ? '?download=0' : ''}`;

/** Browsers draw these in an <img>; TIFF (a common scanner format) they do not. */
const SHOWABLE_IMAGES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/bmp']);

/**
 * Whether the server lets this page frame the PDF (an inline answer whose policy allows our own pages as
 * frame ancestors). Asked with HEAD first: a refused frame would show the browser's error page instead of
 * the scan; the clerk then gets the download and the text read from the page.
 */
function useFramable(url: string, enabled: boolean): boolean | null {
  const [framable, setFramable] = useState<boolean | null>(null);
  useEffect(() => {
    if (!enabled) {
      return undefined;
    }
    const ctrl = new AbortController();
    fetch(url, { method: 'HEAD', credentials: 'same-origin', signal: ctrl.signal }).then(
      (r) => {
        const disposition = r.headers.get('content-disposition') ?? '';
        const policy = r.headers.get('content-security-policy') ?? '';
        setFramable(r.ok && /^inline/i.test(disposition) && !/frame-ancestors\s+'none'/.test(policy));
      },
      () => setFramable(false),
    );
    return () => ctrl.abort();
  }, [url, enabled]);
  return framable;
}

/** The stored scan: a PDF in the browser's viewer, an image with zoom, else a download. */
function ScanPage({ file, onNoPage }: { file: ShownFile; onNoPage: (noPage: boolean) => void }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  const [zoom, setZoom] = useState(1);
  const isPdf = file.contentType === 'application/pdf';
  const isImage = SHOWABLE_IMAGES.has(file.contentType);
  const framable = useFramable(file.frameUrl ?? '', isPdf && file.frameUrl !== null);
  const noPage = broken || (!isPdf && !isImage) || (isPdf && file.frameUrl === null) || framable === false;
  useEffect(() => onNoPage(noPage), [noPage, onNoPage]);

  const page = noPage ? (
    <Empty
      image={<FileUnknownOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />}
      description={t('incoming.scan.previewUnavailable')}
      className="vp-scan-preview vp-scan-preview-empty"
    >
      <Button icon={<DownloadOutlined />} href={file.url} download={file.originalName}>
        {t('incoming.scan.download')}
      </Button>
    </Empty>
  ) : isImage ? (
    // A scan read at arm's length: zoom in within the frame (scrolls), back to the whole page.
    <div className="vp-scan-preview vp-scan-preview-frame">
      <img
        src={file.url}
        alt={t('incoming.scan.previewOf', { name: file.originalName })}
        className="vp-scan-preview-image"
        style={{ width: `${zoom * 100}%` }}
        onError={() => setBroken(true)}
        data-testid="scan-preview"
      />
    </div>
  ) : framable === null ? (
    <div className="vp-scan-preview" />
  ) : (
    <iframe
      src={file.frameUrl ?? undefined}
      title={t('incoming.scan.previewOf', { name: file.originalName })}
      className="vp-scan-preview"
      data-testid="scan-preview"
    />
  );

  return (
    <>
      <Flex justify="space-between" align="center" gap={8} className="vp-scan-file">
        <Typography.Text type="secondary" ellipsis={{ tooltip: file.originalName }}>
          {file.originalName}
        </Typography.Text>
        {isImage && !broken ? (
          <Flex gap={4} style={{ flex: 'none' }}>
            <Tooltip title={t('incoming.scan.zoomOut')}>
              <Button
                size="small"
                icon={<ZoomOutOutlined />}
                disabled={zoom <= 1}
                onClick={() => setZoom((z) => Math.max(1, z - 0.5))}
                aria-label={t('incoming.scan.zoomOut')}
              />
            </Tooltip>
            <Tooltip title={t('incoming.scan.zoomIn')}>
              <Button
                size="small"
                icon={<ZoomInOutlined />}
                disabled={zoom >= 3}
                onClick={() => setZoom((z) => Math.min(3, z + 0.5))}
                aria-label={t('incoming.scan.zoomIn')}
                data-testid="scan-zoom-in"
              />
            </Tooltip>
          </Flex>
        ) : null}
      </Flex>
      {page}
    </>
  );
}

/**
 * The scanned page beside the form, with what else the first page said and its raw text, so the clerk
 * can compare. A secret page on a networked profile was not stored: a notice stands in its place.
 */
export function ScanPreview({ capture }: { capture: ScanReading }) {
  const { t } = useTranslation();
  const { file, fields, localFile } = capture;
  const [noPage, setNoPage] = useState(false);
  const blobUrl = useMemo(() => (localFile ? URL.createObjectURL(localFile) : null), [localFile]);
  useEffect(() => () => (blobUrl ? URL.revokeObjectURL(blobUrl) : undefined), [blobUrl]);
  const shown: ShownFile | null = file
    ? {
        originalName: file.originalName,
        contentType: file.contentType,
        url: storedFileUrl(file.id, false),
        frameUrl: storedFileUrl(file.id, true),
      }
    : localFile && blobUrl
      ? {
          originalName: localFile.name.normalize('NFC'),
          contentType: localFile.type,
          url: blobUrl,
          frameUrl: null,
        }
      : null;

  const extra = [
    fields.superiorBody.value
      ? { key: 'superiorBody', label: t('incoming.scan.superiorBody'), children: fields.superiorBody.value }
      : null,
    fields.place.value
      ? { key: 'place', label: t('incoming.scan.place'), children: fields.place.value }
      : null,
    shown
      ? {
          key: 'method',
          label: t('incoming.scan.method'),
          children: [
            t(`incoming.scan.methods.${capture.method}`),
            capture.legacyEncoding
              ? t('incoming.scan.legacy', { encoding: capture.legacyEncoding.toUpperCase() })
              : '',
          ]
            .filter(Boolean)
            .join(' · '),
        }
      : null,
  ].filter((i): i is { key: string; label: string; children: string } => i !== null);

  return (
    <div className="vp-scan-side">
      {shown ? (
        <ScanPage file={shown} onNoPage={setNoPage} />
      ) : (
        <Alert
          type="warning"
          showIcon
          icon={<LockOutlined />}
          message={t('incoming.scan.notStoredTitle', {
            secrecy: t(`incoming.secrecy.${capture.notStored ?? 'secret'}`),
          })}
          description={t('incoming.scan.notStoredText')}
          data-testid="scan-not-stored"
        />
      )}
      {extra.length > 0 ? (
        <Descriptions
          size="small"
          column={1}
          items={extra}
          style={{ marginTop: 12 }}
          data-testid="scan-read-info"
        />
      ) : null}
      {capture.text.trim() ? (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          // Opened when there is no page to look at (the text is then what to compare with).
          key={String(noPage)}
          defaultActiveKey={noPage ? ['text'] : []}
          items={[
            {
              key: 'text',
              label: t('incoming.scan.text'),
              children: <pre className="vp-scan-text">{capture.text}</pre>,
            },
          ]}
        />
      ) : null}
    </div>
  );
}
