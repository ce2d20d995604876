import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { keyFromId, keyFromPermalink, normalizePermalink, sha256Hex } from './keys';

describe('keyFromId', () => {
  it('is platform:id, trimmed', () => {
    expect(keyFromId('x', ' 1897000000000000000 ')).toBe('x:1897000000000000000');
    expect(keyFromId('reddit', 't1_abc')).toBe('reddit:t1_abc');
  });

  it('throws on an empty id', () => {
    expect(() => keyFromId('x', '')).toThrow();
    expect(() => keyFromId('x', '  \n')).toThrow();
  });
});

describe('normalizePermalink', () => {
  it('uses https, a lowercase host without www./m., no fragment, query or trailing slash', () => {
    expect(normalizePermalink('http://WWW.LinkedIn.com/feed/update/urn:li:activity:7/?utm_source=share#x')).toBe(
      'https://linkedin.com/feed/update/urn:li:activity:7',
    );
    expect(normalizePermalink('https://m.facebook.com/groups/1/posts/2/')).toBe('https://facebook.com/groups/1/posts/2');
    expect(normalizePermalink('https://www.instagram.com/p/AbC123/?igsh=xyz')).toBe('https://instagram.com/p/AbC123');
    expect(normalizePermalink('https://x.com')).toBe('https://x.com');
  });

  it('keeps the parameters that hold the id, sorted', () => {
    expect(normalizePermalink('https://www.youtube.com/watch?v=dQw&t=42s&lc=Ugx1&si=abc')).toBe(
      'https://youtube.com/watch?lc=Ugx1&v=dQw',
    );
    expect(normalizePermalink('https://m.youtube.com/watch?lc=Ugx1&v=dQw')).toBe('https://youtube.com/watch?lc=Ugx1&v=dQw');
    expect(normalizePermalink('https://www.facebook.com/permalink.php?story_fbid=5&id=7&__cft__=z&comment_id=9')).toBe(
      'https://facebook.com/permalink.php?comment_id=9&id=7&story_fbid=5',
    );
    // Only on the sites where the id lives there.
    expect(normalizePermalink('https://www.reddit.com/r/a/comments/b/c/?v=1&id=2')).toBe('https://reddit.com/r/a/comments/b/c');
  });

  it('rejects what is not a web URL', () => {
    expect(() => normalizePermalink('javascript:alert(1)')).toThrow();
    expect(() => normalizePermalink('/relative')).toThrow();
  });
});

describe('keyFromPermalink', () => {
  it('is platform:sha256(normalized permalink) in hex', () => {
    const key = keyFromPermalink('linkedin', 'https://www.linkedin.com/feed/update/urn:li:activity:7/');
    expect(key).toMatch(/^linkedin:[0-9a-f]{64}$/);
    expect(key).toBe(keyFromPermalink('linkedin', 'http://linkedin.com/feed/update/urn:li:activity:7?utm_medium=x#c'));
    expect(key).not.toBe(keyFromPermalink('linkedin', 'https://www.linkedin.com/feed/update/urn:li:activity:8/'));
  });

  it('hashes with SHA-256', () => {
    // sha256("https://x.com")
    expect(keyFromPermalink('x', 'https://x.com/')).toBe('x:4ade82c8c32b2cb329ebed8437eebd27deeeeb32db959899af6bb8e6d81a748f');
  });
});

describe('sha256Hex', () => {
  const hex = (text: string) => sha256Hex(new TextEncoder().encode(text));

  it('gives the FIPS 180-4 test digests', () => {
    expect(hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
    expect(hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with Node at every length around the block and padding edges, in UTF-8', () => {
    for (let n = 0; n <= 200; n++) {
      const text = 'é'.repeat(n % 7) + 'x'.repeat(n);
      expect(hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});
