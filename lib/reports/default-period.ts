/** The dashboard's first period: the 30 days to today, in the browser's calendar. */
export function defaultPeriod(now: number): { from: string; to: string } {
  const day = (d: Date): string => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const today = new Date(now);
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 29);
  return { from: day(start), to: day(today) };
}
