import { describe, expect, it } from 'vitest';
import { segmentReason } from '../../../lib/segments/segment-reason';

describe('segmentReason', () => {
  it('says the share of revenue and the rank in both languages, with the decimal comma in Russian', () => {
    expect(segmentReason('a', false, { class: 'a', rank: 4, of: 212, share: 0.062 })).toEqual({
      ru: 'A: 6,2 % выручки, место 4 из 212',
      en: 'A: 6.2 % of revenue, rank 4 of 212',
    });
    expect(segmentReason('top', false, { class: 'top', rank: 1, of: 9, share: 0.5 }).en).toBe('A+ (most valuable): 50 % of revenue, rank 1 of 9');
    expect(segmentReason('c', false, { class: 'c', rank: 900, of: 1000, share: 0.00004 }).ru).toBe('C: < 0,1 % выручки, место 900 из 1000');
  });

  it('says a pin is the head’s, with what the revenue alone would give, and says when there is no revenue', () => {
    expect(segmentReason('a', true, { class: 'c', rank: 8, of: 9, share: 0 }).ru).toBe('A: закреплён руководителем (по выручке — C)');
    expect(segmentReason('b', true, null).en).toBe('B: pinned by the head');
    expect(segmentReason('c', false, { class: 'c', rank: 8, of: 9, share: 0 }).en).toBe('C: no won deals in 12 months');
  });
});
