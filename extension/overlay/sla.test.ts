import { describe, expect, it } from 'vitest';
import { DEFAULT_TEAM_SETTINGS } from '../../shared/schemas';
import { waitOf } from './sla';

const MIN = 60_000;
// Tuesday 2025-03-04, 10:00 UTC: inside the default business hours (Mon–Fri 09–17 UTC).
const TUESDAY_10 = Date.parse('2025-03-04T10:00:00Z');

describe('waitOf', () => {
  it('counts questions against their target in business time', () => {
    const settings = DEFAULT_TEAM_SETTINGS; // question 60 min, complaint 30 min
    expect(waitOf('question', TUESDAY_10, TUESDAY_10 + 30 * MIN, settings).sla?.state).toBe('within');
    expect(waitOf('question', TUESDAY_10, TUESDAY_10 + 50 * MIN, settings).sla?.state).toBe('due-soon');
    expect(waitOf('complaint', TUESDAY_10, TUESDAY_10 + 31 * MIN, settings).sla?.state).toBe('breached');
  });

  it('does not count the night or the weekend', () => {
    const friday1650 = Date.parse('2025-03-07T16:50:00Z');
    const monday0905 = Date.parse('2025-03-10T09:05:00Z');
    const wait = waitOf('question', friday1650, monday0905, DEFAULT_TEAM_SETTINGS);
    expect(wait.sla).toMatchObject({ state: 'within', businessMs: 15 * MIN });
    expect(wait.waitedMs).toBe(monday0905 - friday1650);
  });

  it('has no target for praise, spam or other, nor without the team settings', () => {
    expect(waitOf('praise', TUESDAY_10, TUESDAY_10 + 600 * MIN, DEFAULT_TEAM_SETTINGS).sla).toBeUndefined();
    expect(waitOf('question', TUESDAY_10, TUESDAY_10 + 600 * MIN, undefined)).toEqual({ waitedMs: 600 * MIN });
  });
});
