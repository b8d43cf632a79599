import { UploadOutlined } from '@ant-design/icons';
import { Button, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/errors';
import { uploadFile } from '../../incoming/api/upload-file';
import { ACCEPTED_FILES } from '../../incoming/components/AttachmentsInput';

/** Files of a progress report: each goes to `POST /api/files` when chosen; the form sends the ids. */
export function FilesInput({
  value,
  onChange,
}: {
  value?: UploadFile[];
  onChange?: (v: UploadFile[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <Upload
      multiple
      accept={ACCEPTED_FILES}
      fileList={value ?? []}
      onChange={({ fileList }) => onChange?.(fileList)}
      customRequest={({ file, onSuccess, onError }) => {
        uploadFile(file as File)
          .then((f) => onSuccess?.(f))
          .catch((e: unknown) => onError?.(new Error(errorMessage(e))));
      }}
      data-testid="task-files"
    >
      <Button icon={<UploadOutlined />}>{t('tasks.progress.attach')}</Button>
    </Upload>
  );
}

export const uploadedIds = (files: UploadFile[] | undefined): number[] =>
  (files ?? [])
    .filter((f) => f.status === 'done')
    .map((f) => (f.response as { id?: number } | undefined)?.id)
    .filter((id): id is number => typeof id === 'number');

export const uploading = (files: UploadFile[] | undefined) =>
  (files ?? []).some((f) => f.status === 'uploading');
