import { CloudOutlined, LockOutlined, PartitionOutlined } from '@ant-design/icons';
import { Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DeploymentProfile } from '../../../types/api';

const PROFILES: { value: DeploymentProfile; icon: React.ReactNode }[] = [
  { value: 'internet', icon: <CloudOutlined /> },
  { value: 'party-wan', icon: <PartitionOutlined /> },
  { value: 'isolated-lan', icon: <LockOutlined /> },
];

/** The deployment profile as three cards, each with what it means. */
export function ProfileChoice({
  value,
  onChange,
  disabled,
  id,
}: {
  value?: DeploymentProfile;
  onChange?: (v: DeploymentProfile) => void;
  disabled?: boolean;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value as DeploymentProfile)}
      disabled={disabled}
      className="vp-profile-group"
    >
      {PROFILES.map((p) => (
        <Radio
          key={p.value}
          value={p.value}
          className={`vp-profile-card${value === p.value ? ' is-selected' : ''}`}
          data-testid={`profile-${p.value}`}
        >
          <span className="vp-profile-title">
            <span className="vp-profile-icon" aria-hidden>
              {p.icon}
            </span>
            {t(`settings.profiles.${p.value}.title`)}
          </span>
          <Typography.Paragraph type="secondary" className="vp-profile-text">
            {t(`settings.profiles.${p.value}.text`)}
          </Typography.Paragraph>
        </Radio>
      ))}
    </Radio.Group>
  );
}
