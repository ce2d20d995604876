import { describe, expect, it } from 'vitest';
import { SUPPORTED_MATCHES, supportedDomainOf } from './hosts';

describe('supportedDomainOf', () => {
  it('accepts the bare domain and its subdomains', () => {
    expect(supportedDomainOf('x.com')).toBe('x.com');
    expect(supportedDomainOf('www.linkedin.com')).toBe('linkedin.com');
    expect(supportedDomainOf('old.reddit.com')).toBe('reddit.com');
    expect(supportedDomainOf('M.YouTube.com')).toBe('youtube.com');
    expect(supportedDomainOf('www.threads.com.')).toBe('threads.com');
  });

  it('rejects look-alike hosts', () => {
    expect(supportedDomainOf('notx.com')).toBeUndefined();
    expect(supportedDomainOf('x.com.evil.example')).toBeUndefined();
    expect(supportedDomainOf('mastodon.social')).toBeUndefined();
  });
});

describe('SUPPORTED_MATCHES', () => {
  it('is https only, one pattern per domain', () => {
    expect(SUPPORTED_MATCHES).toContain('https://*.x.com/*');
    expect(SUPPORTED_MATCHES.every((pattern) => pattern.startsWith('https://*.'))).toBe(true);
    expect(new Set(SUPPORTED_MATCHES).size).toBe(SUPPORTED_MATCHES.length);
  });
});
