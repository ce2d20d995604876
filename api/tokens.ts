// Secrets: bearer tokens are 32 random bytes, invite codes 80 random bits; only SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(): string {
  return `chorus_${randomBytes(32).toString('base64url')}`;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** e.g. "MEMBER-7K2Q-9XW4-P0DZ-H3RT": 16 base-32 characters, 80 bits. */
export function newInviteCode(role: 'manager' | 'member'): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let chars = '';
  for (let i = 0; i < 16; i++) {
    chars = CROCKFORD[Number(bits & 31n)] + chars;
    bits >>= 5n;
  }
  return `${role.toUpperCase()}-${chars.match(/.{4}/g)!.join('-')}`;
}

/** Codes are typed by people: case and separators do not matter, O/I/L read as 0/1/1. */
export function normalizeInviteCode(code: string): string {
  return code
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const hashInviteCode = (code: string) => sha256(`invite:${normalizeInviteCode(code)}`);
export const hashToken = (token: string) => sha256(token);
