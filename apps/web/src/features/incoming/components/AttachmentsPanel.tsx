import {
  DownloadOutlined,
  FileImageOutlined,
  FilePdfOutlined,
  FileOutlined,
  StarFilled,
} from '@ant-design/icons';
import { Button, Empty, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IncomingDetail } from '../types';

type Attachment = IncomingDetail['attachments'][number];

const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
const icon = (a: Attachment) =>
  a.contentType === 'application/pdf' ? (
    <FilePdfOutlined style={{ color: '#cf1322' }} />
  ) : a.contentType.startsWith('image/') ? (
    <FileImageOutlined style={{ color: '#1f5f99' }} />
  ) : (
    <FileOutlined />
  );

/** The file the page previews: the main one, else the first that a browser can show. */
export function previewable(attachments: Attachment[]): Attachment | undefined {
  const showable = (a: Attachment) =>
    a.contentType === 'application/pdf' || a.contentType.startsWith('image/');
  const main = attachments.find((a) => a.main);
  return main && showable(main) ? main : attachments.find(showable);
}

/** Inline preview of a PDF (the browser's viewer) or an image. */
export function AttachmentPreview({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation();
  if (attachment.contentType.startsWith('image/')) {
    return (
      <img
        src={attachment.url}
        alt={attachment.name}
        className="vp-in-preview"
        data-testid="incoming-preview"
      />
    );
  }
  return (
    <iframe
      src={attachment.url}
      title={t('incoming.detail.previewOf', { name: attachment.name })}
      className="vp-in-preview"
      data-testid="incoming-preview"
    />
  );
}

export function AttachmentsPanel({
  attachments,
  canDownload,
  selected,
  onSelect,
}: {
  attachments: Attachment[];
  canDownload: boolean;
  selected?: number;
  onSelect: (fileId: number) => void;
}) {
  const { t } = useTranslation();
  if (attachments.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('incoming.detail.noAttachments')} />;
  }
  return (
    <List
      size="small"
      dataSource={attachments}
      data-testid="incoming-attachments"
      renderItem={(a) => (
        <List.Item
          actions={
            canDownload
              ? [
                  <Button
                    key="dl"
                    type="text"
                    icon={<DownloadOutlined />}
                    href={`${a.url}${a.url.includes('?') ? '&' : '?'}download=1`}
                    aria-label={`${t('incoming.detail.download')}: ${a.name}`}
                  />,
                ]
              : []
          }
        >
          <List.Item.Meta
            avatar={icon(a)}
            title={
              <Button
                type="link"
                style={{
                  padding: 0,
                  height: 'auto',
                  whiteSpace: 'normal',
                  textAlign: 'left',
                  fontWeight: selected === a.fileId ? 600 : 400,
                }}
                onClick={() => onSelect(a.fileId)}
              >
                {a.name}
              </Button>
            }
            description={
              <span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {size(a.size)}
                </Typography.Text>
                {a.main ? (
                  <Tag color="blue" icon={<StarFilled />} style={{ marginInlineStart: 8 }}>
                    {t('incoming.form.mainFile')}
                  </Tag>
                ) : null}
              </span>
            }
          />
        </List.Item>
      )}
    />
  );
}
