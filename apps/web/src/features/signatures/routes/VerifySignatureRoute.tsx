import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  FilePdfOutlined,
  InboxOutlined,
} from '@ant-design/icons';
import { Alert, Card, Descriptions, Flex, List, Result, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader';
import { usePermissions } from '../../../lib/auth';
import { DATE_TIME_FORMAT, formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { useVerifyPdf, type SignatureVerification } from '../api/verify';

type Signer = SignatureVerification['signers'][number];

const yes = (ok: boolean, label: string, testId?: string) => (
  <Tag
    color={ok ? 'success' : 'error'}
    icon={ok ? <CheckCircleFilled /> : <CloseCircleFilled />}
    style={{ marginInlineEnd: 0 }}
    data-testid={testId}
  >
    {label}
  </Tag>
);

function Verdict({ result }: { result: SignatureVerification }) {
  const { t } = useTranslation();
  if (result.signers.length === 0) {
    return (
      <Alert type="warning" showIcon message={t('signatures.verify.unsigned')} data-testid="verify-verdict" />
    );
  }
  if (result.valid && result.trusted) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleFilled />}
        message={t('signatures.verify.validTrusted')}
        description={t('signatures.verify.validTrustedText')}
        data-testid="verify-verdict"
      />
    );
  }
  if (result.valid) {
    return (
      <Alert
        type="warning"
        showIcon
        icon={<ExclamationCircleFilled />}
        message={t('signatures.verify.validUntrusted')}
        description={t('signatures.verify.validUntrustedText')}
        data-testid="verify-verdict"
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      icon={<CloseCircleFilled />}
      message={t('signatures.verify.invalid')}
      description={t('signatures.verify.invalidText')}
      data-testid="verify-verdict"
    />
  );
}

function SignerItem({ s, index }: { s: Signer; index: number }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid={`verify-signer-${index}`}>
      <Flex gap={6} wrap style={{ marginBottom: 8 }}>
        {yes(s.intact, s.intact ? t('signatures.verify.intact') : t('signatures.verify.altered'))}
        {yes(
          s.coversWholeFile,
          s.coversWholeFile ? t('signatures.verify.coversWhole') : t('signatures.verify.appended'),
        )}
        {yes(s.trusted, s.trusted ? t('signatures.verify.trustedSigner') : t('signatures.verify.untrustedSigner'))}
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('signatures.verify.signer'), children: <strong>{s.name}</strong> },
          { key: 'org', label: t('signatures.verify.organization'), children: s.organization ?? '—' },
          {
            key: 'at',
            label: t('signatures.verify.signedAt'),
            children: s.signedAt ? formatDateTime(s.signedAt, DATE_TIME_FORMAT) : '—',
          },
          ...(s.reason ? [{ key: 'reason', label: t('signatures.verify.reason'), children: s.reason }] : []),
          {
            key: 'serial',
            label: t('signatures.verify.serial'),
            children: <Typography.Text code style={{ wordBreak: 'break-all' }}>{s.serialNumber}</Typography.Text>,
          },
          {
            key: 'fp',
            label: t('signatures.verify.fingerprint'),
            children: (
              <Typography.Text code style={{ wordBreak: 'break-all', fontSize: 12 }}>
                {s.fingerprint}
              </Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** Kiểm tra chữ ký số: any PDF (outgoing or incoming) — intact, covering the whole file, signed by a trusted body. */
export function VerifySignatureRoute() {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const verify = useVerifyPdf();
  const [name, setName] = useState<string | null>(null);

  if (!permissions.has('outgoing.view') && !permissions.has('incoming.view')) {
    return <Result status="403" title={t('pages.forbidden.title')} subTitle={t('pages.forbidden.text')} />;
  }

  return (
    <div>
      <PageHeader title={t('signatures.verify.title')} subtitle={t('signatures.verify.subtitle')} />
      <Flex vertical gap={16} style={{ maxWidth: 900 }}>
        <Upload.Dragger
          accept=".pdf,application/pdf"
          multiple={false}
          showUploadList={false}
          disabled={verify.isPending}
          beforeUpload={(file) => {
            setName(file.name);
            verify.mutate(file);
            return false;
          }}
          data-testid="verify-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('signatures.verify.drop')}</p>
          <p className="ant-upload-hint">{t('signatures.verify.dropHint')}</p>
        </Upload.Dragger>
        {name ? (
          <Typography.Text data-testid="verify-file">
            <FilePdfOutlined /> {name}
            {verify.isPending ? ` — ${t('signatures.verify.checking')}` : ''}
          </Typography.Text>
        ) : null}
        {verify.error ? <Alert type="error" showIcon message={errorMessage(verify.error)} data-testid="verify-error" /> : null}
        {verify.data ? (
          <Flex vertical gap={12} data-testid="verify-result">
            <Verdict result={verify.data} />
            <Flex gap={8} wrap>
              {yes(verify.data.valid, verify.data.valid ? t('signatures.verify.valid') : t('signatures.verify.notValid'), 'verify-valid')}
              {yes(
                verify.data.trusted,
                verify.data.trusted ? t('signatures.verify.trusted') : t('signatures.verify.notTrusted'),
                'verify-trusted',
              )}
            </Flex>
            {verify.data.signers.length > 0 ? (
              <List
                header={<strong>{t('signatures.verify.signers', { count: verify.data.signers.length })}</strong>}
                dataSource={verify.data.signers}
                split={false}
                renderItem={(s, i) => (
                  <List.Item style={{ paddingInline: 0 }}>
                    <div style={{ width: '100%' }}>
                      <SignerItem s={s} index={i} />
                    </div>
                  </List.Item>
                )}
              />
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </div>
  );
}
