/** Timestamps are ISO-8601 UTC with milliseconds. Every hot on-sale lives in one stream, `HOT_ONSALES_STREAM`. */

/** An admin marked a show as a hot on-sale (or changed its settings): from now on a hold on it needs a queue pass. */
export type ShowMarkedHot = {
  type: 'ShowMarkedHot';
  data: {
    showId: string;
    /** Nobody is admitted before this; the waiting room fills from the moment the show is marked. */
    opensAt: string;
    /** How many customers the waiting room lets through per minute: what the show's shards can take. */
    admissionsPerMinute: number;
    /** How long a queue pass is good for, from its admission time. */
    passSeconds: number;
    markedAt: string;
  };
};

/** The on-sale is over: holds on the show need no pass any more. */
export type HotOnSaleEnded = {
  type: 'HotOnSaleEnded';
  data: { showId: string; endedAt: string };
};

export type HotOnSaleEvent = ShowMarkedHot | HotOnSaleEnded;

export const HOT_ONSALE_EVENT_TYPES: readonly HotOnSaleEvent['type'][] = ['ShowMarkedHot', 'HotOnSaleEnded'];

export const HOT_ONSALES_STREAM = 'hot-onsales';
