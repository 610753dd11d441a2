/** Bucket timestamps and counts, as the sales-over-time answer has them. */
export interface Bucket {
  at: string;
  sold: number;
}

const WIDTH = 600;
const HEIGHT = 160;
/** Never fewer slots than this across the chart: one bucket is one slim bar, not a solid block. */
const MIN_SLOTS = 24;
/** No bar wider than this, however few the buckets. */
const MAX_BAR = 24;

export interface Bar {
  x: number;
  width: number;
  height: number;
  at: string;
  sold: number;
}

/** Where each bucket's bar goes: slots of one bucket each from the first to the last, at least MIN_SLOTS of them. */
export function barsFor(buckets: readonly Bucket[], bucketSeconds: number, width = WIDTH, height = HEIGHT): Bar[] {
  if (buckets.length === 0) return [];
  const first = Date.parse(buckets[0].at);
  const step = bucketSeconds * 1000;
  const used = Math.round((Date.parse(buckets[buckets.length - 1].at) - first) / step) + 1;
  const slots = Math.max(MIN_SLOTS, used);
  const slot = width / slots;
  // Centred when the buckets use fewer slots than the chart has.
  const offset = ((slots - used) * slot) / 2;
  const gap = slot >= 4 ? Math.min(2, slot / 4) : 0;
  // A pixel at least while the slots allow it; thinner than that only when a thousand buckets share the width.
  const barWidth = Math.min(MAX_BAR, Math.max(Math.min(1, slot), slot - gap));
  const max = Math.max(1, ...buckets.map((b) => b.sold));
  return buckets.map((b) => {
    const index = Math.round((Date.parse(b.at) - first) / step);
    return { x: offset + index * slot + (slot - barWidth) / 2, width: barWidth, height: Math.max(2, (b.sold / max) * (height - 14)), at: b.at, sold: b.sold };
  });
}

