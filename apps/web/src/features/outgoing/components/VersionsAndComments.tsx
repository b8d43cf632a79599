import { FilePdfOutlined, FileWordOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Form, Input, List, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormError } from '../../../hooks/use-form-error';
import { DATE_TIME_SHORT_FORMAT, formatDateTime } from '../../../lib/dates';
import { errorMessage } from '../../../lib/errors';
import { uploadFile } from '../../incoming/api/upload-file';
import { useOutgoingAction, versionFileUrl } from '../api/outgoing';
import type { OutgoingDetail } from '../types';

/** Every version of the draft, newest first; the drafter may add one from a DOCX or PDF. */
export function VersionsPanel({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const run = useOutgoingAction();
  const [busy, setBusy] = useState(false);
  const versions = [...doc.versions].sort((a, b) => b.ordinal - a.ordinal);

  const upload = async (file: File) => {
    setBusy(true);
    try {
      const stored = await uploadFile(file);
      await run.mutateAsync({ id: doc.id, step: { action: 'versions', body: { fileId: stored.id, note: file.name } } });
      void message.success(t('outgoing.versions.added'));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={8}>
      <List
        size="small"
        dataSource={versions}
        data-testid="outgoing-versions"
        renderItem={(v) => (
          <List.Item style={{ paddingInline: 0 }}>
            <Flex vertical gap={2} style={{ width: '100%' }}>
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong>{t('outgoing.versions.ordinal', { ordinal: v.ordinal })}</Typography.Text>
                {v.id === doc.currentVersionId ? (
                  <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                    {t('outgoing.versions.current')}
                  </Tag>
                ) : null}
                <Tag style={{ marginInlineEnd: 0 }}>{t(`outgoing.versions.kind.${v.kind === 'upload' ? 'upload' : 'template'}`)}</Tag>
              </Flex>
              {v.note ? <span>{v.note}</span> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {v.author} · {formatDateTime(v.createdAt, DATE_TIME_SHORT_FORMAT)}
              </Typography.Text>
              {v.fileId ? (
                <a href={versionFileUrl(doc.id, v.id)} target="_blank" rel="noreferrer">
                  {v.fileType === 'application/pdf' ? <FilePdfOutlined /> : <FileWordOutlined />} {v.fileName}
                </a>
              ) : null}
            </Flex>
          </List.Item>
        )}
      />
      {doc.abilities.edit ? (
        <Upload
          accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy} data-testid="outgoing-version-upload">
            {t('outgoing.versions.upload')}
          </Button>
        </Upload>
      ) : null}
    </Flex>
  );
}

/** Comments (góp ý) on the draft, oldest first, and a box to add one while the draft is open. */
export function CommentsPanel({ doc }: { doc: OutgoingDetail }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ body: string }>();
  const onError = useFormError(form);
  const run = useOutgoingAction();

  const onFinish = async ({ body }: { body: string }) => {
    try {
      await run.mutateAsync({ id: doc.id, step: { action: 'comments', body: { body: body.trim() } } });
      form.resetFields();
    } catch (e) {
      onError(e);
    }
  };

  return (
    <Flex vertical gap={8}>
      {doc.comments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('outgoing.comments.none')} />
      ) : (
        <List
          size="small"
          dataSource={doc.comments}
          data-testid="outgoing-comments"
          renderItem={(c) => (
            <List.Item style={{ paddingInline: 0 }}>
              <Flex vertical gap={2}>
                <span>
                  <Typography.Text strong>{c.author}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' '}
                    · {formatDateTime(c.createdAt, DATE_TIME_SHORT_FORMAT)}
                    {c.versionOrdinal ? ` · ${t('outgoing.versions.ordinal', { ordinal: c.versionOrdinal })}` : ''}
                  </Typography.Text>
                </span>
                <span className="vp-og-comment">{c.body}</span>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {doc.abilities.comment ? (
        <Form form={form} onFinish={onFinish} layout="vertical" name="outgoing-comment">
          <Form.Item
            name="body"
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 4000 }]}
            style={{ marginBottom: 8 }}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              placeholder={t('outgoing.comments.placeholder')}
              data-testid="outgoing-comment-text"
            />
          </Form.Item>
          <Button htmlType="submit" icon={<SendOutlined />} loading={run.isPending} data-testid="outgoing-comment-send">
            {t('outgoing.comments.send')}
          </Button>
        </Form>
      ) : null}
    </Flex>
  );
}
