import { DeleteOutlined, LoadingOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, List, Radio, Typography, Upload } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors';
import { uploadFile } from '../api/upload-file';

export interface AttachmentItem {
  uid: string;
  name: string;
  size: number;
  fileId: number | null;
  status: 'uploading' | 'done' | 'error';
  error?: string;
  main: boolean;
}

export const ACCEPTED_FILES = '.pdf,.docx,.doc,.odt,.xlsx,.xls,.ods,.jpg,.jpeg,.png,.tif,.tiff,.zip,.xml';

export const attachmentsBusy = (items: AttachmentItem[] | undefined) =>
  (items ?? []).some((a) => a.status === 'uploading');

/** What `POST /api/incoming` takes: the uploaded files, exactly one marked main. */
export function attachmentRefs(items: AttachmentItem[] | undefined): { fileId: number; main: boolean }[] {
  const done = (items ?? []).filter(
    (a): a is AttachmentItem & { fileId: number } => a.status === 'done' && a.fileId !== null,
  );
  const mainIndex = Math.max(
    0,
    done.findIndex((a) => a.main),
  );
  return done.map((a, i) => ({ fileId: a.fileId, main: i === mainIndex }));
}

const kb = (n: number) =>
  n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Attachments of a new document: each file goes to `POST /api/files` as soon as it is chosen; the form
 * then sends the file ids. The first file is the main one unless another is marked.
 */
export function AttachmentsInput({
  value,
  onChange,
  disabled,
}: {
  value?: AttachmentItem[];
  onChange?: (v: AttachmentItem[]) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const items = value ?? [];
  // Uploads finish out of order: keep the latest list at hand, not the one of the render that started them.
  const latest = useRef(items);
  latest.current = items;
  const set = (next: AttachmentItem[]) => {
    latest.current = next;
    onChange?.(next);
  };
  const patch = (uid: string, p: Partial<AttachmentItem>) =>
    set(latest.current.map((a) => (a.uid === uid ? { ...a, ...p } : a)));

  const add = (file: File & { uid?: string }) => {
    const uid = file.uid ?? `${Date.now()}-${file.name}`;
    const hasMain = latest.current.some((a) => a.main && a.status !== 'error');
    set([
      ...latest.current,
      {
        uid,
        name: file.name.normalize('NFC'),
        size: file.size,
        fileId: null,
        status: 'uploading',
        main: !hasMain,
      },
    ]);
    uploadFile(file).then(
      (f) => patch(uid, { status: 'done', fileId: f.id }),
      (e: unknown) => patch(uid, { status: 'error', error: errorMessage(e), main: false }),
    );
  };

  const remove = (uid: string) => {
    const rest = latest.current.filter((a) => a.uid !== uid);
    if (rest.length > 0 && !rest.some((a) => a.main)) {
      const first = rest.findIndex((a) => a.status !== 'error');
      if (first >= 0) {
        rest[first] = { ...rest[first]!, main: true };
      }
    }
    set(rest);
  };

  return (
    <div>
      <Upload
        multiple
        accept={ACCEPTED_FILES}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          add(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} disabled={disabled} data-testid="incoming-form-attach">
          {t('incoming.form.attach')}
        </Button>
      </Upload>
      {items.length > 0 ? (
        <List
          size="small"
          style={{ marginTop: 8 }}
          bordered
          dataSource={items}
          data-testid="incoming-form-attachments"
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button
                  key="remove"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('common.delete')}: ${a.name}`}
                  onClick={() => remove(a.uid)}
                />,
              ]}
            >
              <Flex gap={8} align="center" wrap style={{ minWidth: 0, flex: 1 }}>
                {a.status === 'uploading' ? <LoadingOutlined /> : <PaperClipOutlined />}
                <span style={{ wordBreak: 'break-all' }}>{a.name}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {kb(a.size)}
                </Typography.Text>
                {a.status === 'error' ? (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {a.error}
                  </Typography.Text>
                ) : (
                  <Radio
                    checked={a.main}
                    disabled={a.status !== 'done' && !a.main}
                    onChange={() => set(latest.current.map((x) => ({ ...x, main: x.uid === a.uid })))}
                  >
                    {t('incoming.form.mainFile')}
                  </Radio>
                )}
              </Flex>
            </List.Item>
          )}
        />
      ) : null}
    </div>
  );
}
