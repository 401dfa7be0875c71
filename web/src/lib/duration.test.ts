import { describe, expect, it } from 'vitest';
import { describeBefore, durationToMinutes, splitMinutes, toIsoDuration } from './duration';

describe('ISO 8601 durations', () => {
  it('parses to minutes', () => {
    expect(durationToMinutes('PT15M')).toBe(15);
    expect(durationToMinutes('PT2H')).toBe(120);
    expect(durationToMinutes('P1D')).toBe(1440);
    expect(durationToMinutes('P1W')).toBe(10080);
    expect(durationToMinutes('P1DT1H30M')).toBe(1530);
    expect(durationToMinutes('PT')).toBeNull();
    expect(durationToMinutes('15m')).toBeNull();
  });

  it('formats and describes', () => {
    expect(toIsoDuration(15, 'minutes')).toBe('PT15M');
    expect(toIsoDuration(3, 'hours')).toBe('PT3H');
    expect(toIsoDuration(2, 'days')).toBe('P2D');
    expect(splitMinutes(1440)).toEqual({ amount: 1, unit: 'days' });
    expect(splitMinutes(90)).toEqual({ amount: 90, unit: 'minutes' });
    expect(describeBefore('PT1H')).toBe('1 hour before');
    expect(describeBefore('P2D')).toBe('2 days before');
    expect(describeBefore('PT0M')).toBe('At due time');
  });
});
