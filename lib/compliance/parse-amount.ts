/**
 * The deal amount from the budget text a card shows ("1 500 000 ₽", "12,500.50 $", "1 234,5").
 * Null when there are no digits or the number is zero (amoCRM shows an unset budget as "0 ₽").
 * The last '.' or ',' followed by one or two digits is the decimal separator; other separators
 * group thousands.
 */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f']/g, '');
  const number = compact.match(/\d[\d.,]*/)?.[0];
  if (number === undefined) return null;
  const decimal = number.match(/[.,](\d{1,2})$/);
  const whole = (decimal === null ? number : number.slice(0, -decimal[0].length)).replace(/[.,]/g, '');
  const value = Number(decimal === null ? whole : `${whole}.${decimal[1]}`);
  if (!Number.isFinite(value) || value <= 0 || value > 1e13) return null;
  return value;
}
