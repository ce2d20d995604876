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
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.set(key, b);
    if (this.buckets.size > 100_000) this.sweep(now);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / rate / 1000);
  }

  private sweep(now: number): void {
    const full = this.burst / (this.perMinute / 60_000);
    for (const [k, b] of this.buckets) if (now - b.at > full) this.buckets.delete(k);
  }
}
