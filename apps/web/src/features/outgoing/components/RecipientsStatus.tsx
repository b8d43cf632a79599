import { Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DATE_TIME_SHORT_FORMAT, formatDateTime } from '../../../lib/dates';
import { translateOr } from '../../../lib/i18n';
import type { OutgoingDetail, ReceiptCode } from '../types';

const RECEIPT_COLORS: Partial<Record<ReceiptCode, string>> = {
  '01': 'blue',
  '02': 'red',
  '03': 'geekblue',
  '04': 'purple',
  '05': 'processing',
  '06': 'success',
  '13': 'orange',
  '15': 'volcano',
  '16': 'red',
};

/** Where the document goes, how, and the last status receipt each recipient sent back (spec §10). */
export function RecipientsStatus({ doc, canSeeIncoming }: { doc: OutgoingDetail; canSeeIncoming: boolean }) {
  const { t } = useTranslation();
  if (doc.recipients.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outgoing.recipients.none')} />;
  }
  return (
    <List
      size="small"
      dataSource={doc.recipients}
      data-testid="outgoing-recipients"
      renderItem={(r) => (
        <List.Item data-testid={`outgoing-recipient-${r.id}`} style={{ paddingInline: 0 }}>
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} align="baseline" wrap>
              <Typography.Text strong>{r.name}</Typography.Text>
              <Tag style={{ marginInlineEnd: 0 }}>{t(`outgoing.delivery.${r.delivery}`)}</Tag>
            </Flex>
            <Flex gap={6} align="center" wrap>
              {r.statusCode ? (
                <Tag
                  color={RECEIPT_COLORS[r.statusCode]}
                  style={{ marginInlineEnd: 0 }}
                  data-testid={`outgoing-receipt-${r.id}`}
                >
                  {translateOr(`outgoing.receipts.r${r.statusCode}`, r.statusLabel ?? r.statusCode)}
                </Tag>
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {doc.status === 'issued' || doc.status === 'recalled'
                    ? t('outgoing.recipients.noReceipt')
                    : t('outgoing.recipients.atIssue')}
                </Typography.Text>
              )}
              {r.statusAt ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(r.statusAt, DATE_TIME_SHORT_FORMAT)}
                </Typography.Text>
              ) : null}
              {r.incomingDocumentId && canSeeIncoming ? (
                <Link to={`/incoming/${r.incomingDocumentId}`} style={{ fontSize: 13 }}>
                  {t('outgoing.recipients.openIncoming')}
                </Link>
              ) : null}
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}
