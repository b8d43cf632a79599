/** The built-in role codes (used only to label roles when the role list cannot be read). */
export const BUILTIN_ROLE_CODES = [
  'admin',
  'clerk',
  'office_leader',
  'committee_leader',
  'specialist',
  'archivist',
  'reception_officer',
  'accountant',
  'inspector',
] as const;
