/** "@Ana_Lopez", "ana_lopez" and " ana_lopez " name the same account. */
export function normalizeHandle(handle: string): string {
  return handle.trim().replace(/^@+/, '').toLowerCase();
}
