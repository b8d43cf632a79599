import { InboxOutlined } from '@ant-design/icons';
import { Card, Flex, Spin, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

/** What a scanner or a phone produces (PDF, PNG, JPEG, TIFF), and a letter received as Word or text. */
export const SCAN_FILES = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.docx,.txt';

/** Step one: drop or choose the scan; while the server reads the first page, say so (OCR takes seconds). */
export function ScanUpload({
  reading,
  fileName,
  onFile,
}: {
  reading: boolean;
  fileName: string | null;
  onFile: (file: File) => void;
}) {
  const { t } = useTranslation();
  if (reading) {
    return (
      <Card data-testid="scan-reading">
        <Flex vertical align="center" gap={12} style={{ padding: '32px 0' }}>
          <Spin size="large" />
          <Typography.Text strong>{t('incoming.scan.reading', { name: fileName ?? '' })}</Typography.Text>
          <Typography.Text type="secondary">{t('incoming.scan.readingHint')}</Typography.Text>
        </Flex>
      </Card>
    );
  }
  return (
    <Upload.Dragger
      accept={SCAN_FILES}
      multiple={false}
      showUploadList={false}
      beforeUpload={(file) => {
        onFile(file);
        return false;
      }}
      data-testid="scan-upload"
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('incoming.scan.drop')}</p>
      <p className="ant-upload-hint">{t('incoming.scan.dropHint')}</p>
    </Upload.Dragger>
  );
}
