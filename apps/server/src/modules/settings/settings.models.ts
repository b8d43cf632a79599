import type { DeploymentProfile } from '@vanphong/contracts';

/** Settings are data an admin edits (issue 2 §8); these are the values a fresh install starts with. */
export interface Settings {
  deploymentProfile: DeploymentProfile;
  requireTotpForAdmins: boolean;
  passwordMinLength: number;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  organisationName: string;
}

export const DEFAULT_SETTINGS: Settings = {
  deploymentProfile: 'party-wan',
  requireTotpForAdmins: false,
  passwordMinLength: 10,
  sessionIdleMinutes: 60,
  sessionAbsoluteHours: 12,
  organisationName: 'Văn phòng cấp ủy',
};

export const SETTING_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];
