/**
 * One colour per tier name across the whole site: "vip" is violet in the cinema, the arena,
 * the admin charts and the legend alike. Common names are fixed; any other name is hashed
 * onto the rest of the palette, so it keeps its colour from show to show as well.
 * All are the 700 shades: at least 4.5:1 against white, so white seat numbers stay legible,
 * and far enough apart for the common colour-vision deficiencies (status is never colour alone).
 */
const NAMED: Record<string, string> = {
  vip: '#6d28d9',
  premium: '#be185d',
  regular: '#1d4ed8',
  standard: '#1d4ed8',
  economy: '#0f766e',
};

const OTHERS = ['#b45309', '#4d7c0f', '#0e7490', '#a21caf', '#9f1239', '#3f6212'];

export function tierColour(name: string): string {
  const key = name.trim().toLowerCase();
  const named = NAMED[key];
  if (named) return named;
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) >>> 0;
  return OTHERS[hash % OTHERS.length];
}
