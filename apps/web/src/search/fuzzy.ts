/**
 * Typo-tolerant matching for the events search box: every word typed must be close to
 * some word of the event (name, performer, description, category), close meaning a
 * prefix of it, or within an edit distance that grows with the word's length
 * (1 from 4 letters, 2 from 8). Lower scores are better; null means no match.
 */
export function fuzzyScore(query: string, text: string): number | null {
  const wanted = words(query);
  if (wanted.length === 0) return 0;
  const have = words(text);
  let score = 0;
  for (const word of wanted) {
    let best = Infinity;
    for (const candidate of have) {
      if (candidate === word) best = 0;
      else if (candidate.startsWith(word)) best = Math.min(best, 0.5);
      else {
        const allowed = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
        if (allowed === 0) continue;
        const prefix = candidate.slice(0, Math.max(word.length, 1));
        const distance = Math.min(editDistance(word, candidate, allowed), editDistance(word, prefix, allowed) + 0.25);
        if (distance <= allowed) best = Math.min(best, distance);
      }
      if (best === 0) break;
    }
    if (best === Infinity) return null;
    score += best;
  }
  return score;
}

export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Damerau-Levenshtein (adjacent swaps count once), giving up past `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
  }
  return rows[a.length][b.length];
}
