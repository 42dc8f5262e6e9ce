import type { TouchKind } from '../../lib/touches/touch';

/**
 * Small line icons for touch kinds. Drawn as SVG rather than emoji so they look the same on
 * every OS (emoji fonts differ, and some Linux installs have none).
 */
const PATHS: Record<TouchKind, string> = {
  // handset
  call: 'M5 3h3l1.5 4-2 1.5a10 10 0 0 0 5 5l1.5-2 4 1.5v3a2 2 0 0 1-2 2A15 15 0 0 1 3 5a2 2 0 0 1 2-2z',
  // two people
  meeting: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-5 8a5 5 0 0 1 10 0M16 11a2.5 2.5 0 1 0 0-5M15 14a4.5 4.5 0 0 1 6 5',
  // envelope
  email: 'M3 6h18v12H3zM3 6l9 7 9-7',
  // envelope with a stamp: a paper letter
  direct_mail: 'M3 7h18v11H3zM3 7l9 6 9-6M16 10h3v3h-3z',
  // page with lines
  note: 'M6 3h9l4 4v14H6zM15 3v4h4M9 11h7M9 15h7',
  // eye
  email_open: 'M2 12s3.5-6 10-6 10 6 10 6-3.5 6-10 6S2 12 2 12zm10 3a3 3 0 1 0 0-6 3 3 0 0 0 0 6z',
};

export function TouchKindIcon({ kind, size = 18 }: { kind: TouchKind; size?: number }) {
  return (
    <svg
      className="sf-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.7}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[kind]} />
    </svg>
  );
}
