import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import type { CapturedFields } from '@vanphong/contracts';
import { Alert, App, Button, Card, Col, Flex, Form, Row, Skeleton } from 'antd';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useFormError } from '../../../hooks/use-form-error';
import { isApiError } from '../../../lib/api';
import { useMe } from '../../../lib/auth';
import { todayInOffice } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { translateOr } from '../../../lib/i18n';
import { useDocumentTypes } from '../../document-types/api/get-document-types';
import { useCaptureExtract } from '../api/capture-extract';
import { useCreateIncoming } from '../api/create-incoming';
import { uploadFile } from '../api/upload-file';
import { useFormDefaults } from '../api/get-form-defaults';
import { attachmentsBusy } from '../components/AttachmentsInput';
import { ScanPreview } from '../components/ScanPreview';
import { SCAN_FIRST_FIELD, ScanRegistrationForm } from '../components/ScanRegistrationForm';
import { ScanUpload } from '../components/ScanUpload';
import { capturedToFormValues, secretReading, type ScanReading } from '../utils/captured-values';
import { formValuesToInput, type IncomingFormValues } from '../utils/form-values';
import { isNetworked, isSecret } from '../utils/labels';
import '../incoming.css';
import '../scan.css';

const ISSUER_ALIASES = { issuerName: 'issuer', issuerId: 'issuer' };

/**
 * Vào sổ từ bản quét: the clerk chooses a scanned letter; the server reads the first page (and stores the
 * file on the isolated LAN only; elsewhere it is uploaded with the registration when not secret);
 * the page is shown beside the registration form pre-filled from it; she checks, corrects and registers,
 * the scan attached as the main file; then the document's page opens.
 */
export function IncomingScanRoute() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<IncomingFormValues>();
  const me = useMe();
  const defaults = useFormDefaults();
  const types = useDocumentTypes(null);
  const extract = useCaptureExtract();
  const create = useCreateIncoming();
  const onError = useFormError(form, ISSUER_ALIASES);
  const [fileName, setFileName] = useState<string | null>(null);
  const [capture, setCapture] = useState<ScanReading | null>(null);
  // The pre-filled values, once the answer and the list of types (to match a printed type name) are here.
  const initial = useMemo(
    () =>
      capture && (types.data || types.isError)
        ? capturedToFormValues(capture, types.data?.items ?? [])
        : null,
    [capture, types.data, types.isError],
  );
  const secrecy = Form.useWatch('secrecy', form) ?? initial?.secrecy ?? 'none';
  const stub = isSecret(secrecy) && isNetworked(defaults.data?.deploymentProfile);

  const read = (file: File) => {
    setFileName(file.name.normalize('NFC'));
    extract.mutate(file, {
      onSuccess: (result) => setCapture({ ...result, notStored: null, localFile: file }),
      onError: (e) => {
        // A page marked secret on a networked profile: not stored, but its fields still pre-fill a stub.
        const details = isApiError(e)
          ? (e.details as { secrecy?: string; fields?: CapturedFields } | undefined)
          : undefined;
        if (isApiError(e) && e.code === 'capture.secret_not_stored' && details?.fields) {
          setCapture(secretReading(details.fields, details.secrecy ?? 'secret'));
        }
      },
    });
  };

  // The form mounts with the pre-filled values; the cursor goes to the first field to check.
  useEffect(() => {
    if (initial) {
      form.setFieldsValue(initial);
      window.setTimeout(() => document.getElementById(SCAN_FIRST_FIELD)?.focus(), 0);
    }
  }, [initial, form]);

  const again = () => {
    extract.reset();
    setCapture(null);
    setFileName(null);
    form.resetFields();
  };

  const onFinish = async (values: IncomingFormValues) => {
    if (attachmentsBusy(values.attachments)) {
      void message.warning(t('incoming.form.uploading'));
      return;
    }
    const topSecretStub = stub && values.secrecy === 'top_secret';
    try {
      const input = formValuesToInput(values, { stub, topSecretStub });
      // Not stored by the reading (networked profile): uploaded now, once the clerk has said it is not secret.
      if (!capture?.file && capture?.localFile && !stub && !isSecret(values.secrecy)) {
        const uploaded = await uploadFile(capture.localFile);
        input.attachments = [
          { fileId: uploaded.id, main: true },
          ...input.attachments.map((a) => ({ ...a, main: false })),
        ];
      }
      const doc = await create.mutateAsync(input);
      void message.success(t('incoming.form.savedToast', { number: doc.arrivalNumber }));
      for (const w of doc.warnings ?? []) {
        void message.warning(translateOr(`incoming.warnings.${w.code.replace(/\./g, '_')}`, w.message));
      }
      navigate(`/incoming/${doc.id}`);
    } catch (e) {
      onError(e);
    }
  };

  /** Ctrl+Enter registers from anywhere; a plain Enter in a one-line field does not (half-checked forms). */
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.target as Node)) {
      return;
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      form.submit();
      return;
    }
    const el = e.target as HTMLElement;
    if (e.key === 'Enter' && el.tagName === 'INPUT' && (el as HTMLInputElement).type !== 'checkbox') {
      e.preventDefault();
    }
  };

  if (defaults.error) {
    return <QueryError error={defaults.error} onRetry={() => void defaults.refetch()} />;
  }
  if (defaults.isPending) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }

  const year = todayInOffice().year();
  const target = (defaults.data.registers ?? []).find(
    (r) => r.kind === (isSecret(secrecy) ? 'secret' : 'ordinary') && r.year === year,
  );

  return (
    <div onKeyDown={onKeyDown}>
      <PageHeader
        title={t('incoming.scan.title')}
        subtitle={t('incoming.scan.subtitle')}
        extra={
          <>
            {capture ? (
              <Button icon={<ReloadOutlined />} onClick={again} data-testid="scan-again">
                {t('incoming.scan.again')}
              </Button>
            ) : null}
            <Button onClick={() => navigate('/incoming/new')}>{t('incoming.scan.toForm')}</Button>
          </>
        }
      />
      {!capture || !initial ? (
        <>
          {extract.error && !capture ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              message={t('incoming.scan.failed')}
              description={errorMessage(extract.error)}
              data-testid="scan-error"
            />
          ) : null}
          <ScanUpload reading={extract.isPending} fileName={fileName} onFile={read} />
        </>
      ) : (
        <Row gutter={[20, 16]} className="vp-scan">
          <Col xs={24} xl={11}>
            <div className="vp-scan-sticky">
              <ScanPreview capture={capture} />
            </div>
          </Col>
          <Col xs={24} xl={13}>
            {capture.warnings.length > 0 ? (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                message={t('incoming.scan.warnings')}
                data-testid="scan-warnings"
                description={
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {capture.warnings.map((w, i) => (
                      <li key={i}>
                        {translateOr(`incoming.scan.warning.${w.code.replace(/\./g, '_')}`, w.message)}
                      </li>
                    ))}
                  </ul>
                }
              />
            ) : (
              <Alert
                type="info"
                showIcon
                style={{ marginBottom: 16 }}
                message={t('incoming.scan.check')}
                data-testid="scan-check"
              />
            )}
            <Form<IncomingFormValues>
              form={form}
              layout="vertical"
              name="scan-form"
              className="vp-in-form"
              onFinish={onFinish}
              initialValues={initial}
              scrollToFirstError
            >
              <ScanRegistrationForm
                capture={capture}
                initial={initial}
                defaults={defaults.data}
                types={types.data?.items ?? []}
                clearance={me?.clearance}
                stub={stub}
              />
              {!capture.file && capture.localFile && !stub && !isSecret(secrecy) ? (
                <Alert
                  type="info"
                  showIcon
                  style={{ marginBottom: 12 }}
                  message={t('incoming.scan.attachOnSave', { name: capture.localFile.name.normalize('NFC') })}
                  data-testid="scan-attach-note"
                />
              ) : null}
              <Flex className="vp-sticky-actions" gap={12} align="center" wrap>
                <Button
                  type="primary"
                  htmlType="submit"
                  icon={<SaveOutlined />}
                  loading={create.isPending}
                  data-testid="scan-form-submit"
                >
                  {t('incoming.form.submit')}
                </Button>
                {target ? (
                  <span className="vp-muted" data-testid="scan-next-number">
                    {t('incoming.scan.nextNumber', { number: target.nextNumber, register: target.name })}
                  </span>
                ) : null}
              </Flex>
            </Form>
          </Col>
        </Row>
      )}
    </div>
  );
}
