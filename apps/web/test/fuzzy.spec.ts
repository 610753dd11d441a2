import { editDistance, fuzzyScore } from '../src/search/fuzzy';

describe('typo-tolerant event search', () => {
  const longNight = 'The Long Night Studio Noord Pictures movie A lighthouse keeper, a winter storm';
  const northernLights = 'The Northern Lights: Live The Northern Lights concert';

  it('finds events despite swapped, missing or wrong letters', () => {
    expect(fuzzyScore('lnog nigth', longNight)).not.toBeNull();
    expect(fuzzyScore('nothern lihgts', northernLights)).not.toBeNull();
    expect(fuzzyScore('lighthose', longNight)).not.toBeNull();
  });

  it('matches the start of a word as typed so far', () => {
    expect(fuzzyScore('north', northernLights)).toBe(0.5);
    expect(fuzzyScore('Night', longNight)).toBe(0);
  });

  it('needs every word to match, and does not stretch short words', () => {
    expect(fuzzyScore('night festival', longNight)).toBeNull();
    expect(fuzzyScore('cat', longNight)).toBeNull();
    expect(fuzzyScore('xyzzy', northernLights)).toBeNull();
  });

  it('ranks an exact match before a corrected one', () => {
    expect(fuzzyScore('long', longNight)!).toBeLessThan(fuzzyScore('lnog', longNight)!);
  });

  it('counts an adjacent swap as one edit and gives up past the limit', () => {
    expect(editDistance('nigth', 'night', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 3)).toBe(3);
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
