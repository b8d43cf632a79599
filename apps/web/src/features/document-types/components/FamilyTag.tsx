import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentFamily } from '../../../types/api';

const COLORS: Record<DocumentFamily, string> = { party: 'red', state: 'blue', both: 'purple' };

export function FamilyTag({ family }: { family: DocumentFamily }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[family]}>{t(`documentTypes.family.${family}`)}</Tag>;
}
