import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataDir } from './index.ts';

const dirs: string[] = [];
const fresh = () => {
  const d = mkdtempSync(join(tmpdir(), 'chorus-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('the embedded database folder is used by one process at a time', () => {
  it('refuses a folder held by another live process, naming it', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'chorus.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'chorus.lock'), '999999999');
    const unlock = lockDataDir(dir);
    expect(readFileSync(join(dir, 'chorus.lock'), 'utf8')).toBe(String(process.pid));
    unlock();
    expect(existsSync(join(dir, 'chorus.lock'))).toBe(false);
  });
});
