import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Clearance } from '../types/api';

const COLORS: Record<Clearance, string | undefined> = {
  none: undefined,
  confidential: 'gold',
  secret: 'orange',
  top_secret: 'red',
};

export function ClearanceTag({ value }: { value: Clearance }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[value]}>{t(`clearance.${value}`)}</Tag>;
}
