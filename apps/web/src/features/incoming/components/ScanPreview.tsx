import { DownloadOutlined, FileUnknownOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import type { CaptureResult } from '@vanphong/contracts';
import { Button, Collapse, Descriptions, Empty, Flex, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

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

/**
 * The scanned page as the server stored it (a PDF in the browser's viewer, an image as is), with what
 * else the first page said and its raw text, so the clerk can compare it with the form beside it.
 */
export function ScanPreview({ capture }: { capture: CaptureResult }) {
  const { t } = useTranslation();
  const { file, fields } = capture;
  const [broken, setBroken] = useState(false);
  const [zoom, setZoom] = useState(1);
  const isPdf = file.contentType === 'application/pdf';
  const isImage = SHOWABLE_IMAGES.has(file.contentType);
  const framable = useFramable(storedFileUrl(file.id, true), isPdf);
  const noPage = broken || (!isPdf && !isImage) || framable === false;

  const page = noPage ? (
    <Empty
      image={<FileUnknownOutlined style={{ fontSize: 48, color: '#bfbfbf' }} />}
      description={t('incoming.scan.previewUnavailable')}
      className="vp-scan-preview vp-scan-preview-empty"
    >
      <Button icon={<DownloadOutlined />} href={storedFileUrl(file.id, false)}>
        {t('incoming.scan.download')}
      </Button>
    </Empty>
  ) : isImage ? (
    // A scan read at arm's length: zoom in within the frame (scrolls), back to the whole page.
    <div className="vp-scan-preview vp-scan-preview-frame">
      <img
        src={storedFileUrl(file.id, false)}
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
      src={storedFileUrl(file.id, true)}
      title={t('incoming.scan.previewOf', { name: file.originalName })}
      className="vp-scan-preview"
      data-testid="scan-preview"
    />
  );

  const extra = [
    fields.superiorBody.value
      ? { key: 'superiorBody', label: t('incoming.scan.superiorBody'), children: fields.superiorBody.value }
      : null,
    fields.place.value
      ? { key: 'place', label: t('incoming.scan.place'), children: fields.place.value }
      : null,
    {
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
    },
  ].filter((i): i is { key: string; label: string; children: string } => i !== null);

  return (
    <div className="vp-scan-side">
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
      <Descriptions
        size="small"
        column={1}
        items={extra}
        style={{ marginTop: 12 }}
        data-testid="scan-read-info"
      />
      {capture.text.trim() ? (
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
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
