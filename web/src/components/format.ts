/** Pesos with two decimals, as the API computed them: formatting only, never arithmetic. */
const money = new Intl.NumberFormat('es-CO', {
  style: 'currency',
  currency: 'COP',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const date = new Intl.DateTimeFormat('es-CO', { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat('es-CO', { dateStyle: 'medium', timeStyle: 'short' });
const integer = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0 });

export const formatMoney = (amount: number): string => money.format(amount);
export const formatInteger = (n: number): string => integer.format(n);

function parsed(iso: string): Date | undefined {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function formatDate(iso: string): string {
  const d = parsed(iso);
  return d === undefined ? iso : date.format(d);
}

export function formatDateTime(iso: string): string {
  const d = parsed(iso);
  return d === undefined ? iso : dateTime.format(d);
}

export const formatDays = (days: number): string => (days === 1 ? '1 día' : `${days} días`);
