/** The app mark: a gold star on deep red (drawn inline, no external image). */
export function Emblem({ size = 32 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 64 64"
      aria-hidden="true"
      focusable="false"
      style={{ flex: 'none' }}
    >
      <rect width="64" height="64" rx="12" fill="#a61d24" />
      <path
        fill="#ffd43b"
        d="M32 11l5.9 18.1H57L41.6 40.3l5.9 18.1L32 47.2 16.5 58.4l5.9-18.1L7 29.1h19.1z"
      />
    </svg>
  );
}
