/**
 * When a term (nhiệm kỳ) starts — 36-HD/VPTW via spec §2: the day after the congress closes; but if the
 * first plenum of the new committee is held during the congress, the term starts on that plenum's
 * opening day.
 */
export function termStartDate({
  congressClosedOn,
  firstPlenumDuringCongressOn,
}: {
  congressClosedOn: string;
  firstPlenumDuringCongressOn: string | null;
}): string {
  if (firstPlenumDuringCongressOn && firstPlenumDuringCongressOn <= congressClosedOn) {
    return firstPlenumDuringCongressOn;
  }
  const d = new Date(`${congressClosedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
