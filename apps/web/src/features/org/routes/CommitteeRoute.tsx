import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { CommitteeDetailView } from '../components/CommitteeDetailView';

/** /directory/committees/:id — one committee with its terms and agencies. */
export function CommitteeRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  if (!Number.isInteger(id) || id <= 0) {
    return <Result status="404" title={t('pages.notFound.title')} />;
  }
  return (
    <div>
      <Button
        type="link"
        icon={<ArrowLeftOutlined />}
        onClick={() => navigate(-1)}
        style={{ paddingInline: 0, marginBottom: 8 }}
      >
        {t('common.back')}
      </Button>
      <CommitteeDetailView id={id} />
    </div>
  );
}
