import { Fragment, type ReactNode } from 'react';

/**
 * The snippet with its highlighted spans as <mark> elements, cut from the text by the offsets the server
 * gave ([start, length] in UTF-16 code units). Plain text only: nothing of the snippet is read as HTML.
 * Spans outside the text or overlapping an earlier one are clamped or skipped, never trusted blindly.
 */
export function HighlightedText({
  text,
  highlights,
}: {
  text: string;
  highlights: readonly (readonly [number, number])[];
}) {
  const spans = [...highlights].sort((a, b) => a[0] - b[0]);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, length] of spans) {
    const from = Math.max(start, at);
    const to = Math.min(start + length, text.length);
    if (to <= from) {
      continue;
    }
    if (from > at) {
      parts.push(<Fragment key={`t${at}`}>{text.slice(at, from)}</Fragment>);
    }
    parts.push(<mark key={`m${from}`}>{text.slice(from, to)}</mark>);
    at = to;
  }
  if (at < text.length) {
    parts.push(<Fragment key={`t${at}`}>{text.slice(at)}</Fragment>);
  }
  return <>{parts}</>;
}
