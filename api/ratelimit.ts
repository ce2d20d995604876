// Token buckets per key (a token's hash, or the caller's address before authentication).
// Per process: with N processes behind a balancer a key can reach N times the rate.
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly burst = Math.max(10, Math.ceil(perMinute / 4)),
  ) {}

  /** 0 when allowed; otherwise the seconds to wait. */
  take(key: string, now = Date.now()): number {
    const b = this.refill(key, now);
    this.buckets.set(key, b);
    if (this.buckets.size > 100_000) this.sweep(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return this.waitFor(b);
  }

  /** Gives back one request taken earlier (one that turned out not to count). */
  refund(key: string, now = Date.now()): void {
    const b = this.buckets.get(key);
    if (b) b.tokens = Math.min(this.burst, this.refill(key, now).tokens + 1);
  }

  /** What take() would answer now, without taking anything. */
  peek(key: string, now = Date.now()): number {
    const b = this.refill(key, now);
    return b.tokens >= 1 ? 0 : this.waitFor(b);
  }

  private refill(key: string, now: number): { tokens: number; at: number } {
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + Math.max(0, now - b.at) * (this.perMinute / 60_000));
    b.at = Math.max(b.at, now);
    return b;
  }

  private waitFor(b: { tokens: number }): number {
    return Math.ceil((1 - b.tokens) / (this.perMinute / 60_000) / 1000);
  }

  private sweep(now: number): void {
    const full = this.burst / (this.perMinute / 60_000);
    for (const [k, b] of this.buckets) if (now - b.at > full) this.buckets.delete(k);
  }
}
