import type { PriceTier } from '../api/types';
import { money } from '../format';
import { WheelchairIcon } from './SectionSeats';
import { tierColour } from './tierColour';

/** What the seat map's colours and shapes mean: each tier's colour and price, then the statuses (and the accessible spaces, where the venue has them). */
export function Legend({ tiers, accessible }: { tiers: PriceTier[]; accessible: boolean }) {
  return (
    <ul class="legend" aria-label="Legend">
      {tiers.map((t) => (
        <li key={t.tier}>
          <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill={tierColour(t.tier)} /></svg> {t.tier} {money(t.price, t.currency)}
        </li>
      ))}
      <li>
        <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill="#111827" /><path d="M4 7 L6.5 9.5 L10.5 4.5" stroke="#fff" stroke-width="2" fill="none" /></svg> selected
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true"><rect x="1" y="1" width="12" height="12" fill="#e5e7eb" stroke="#6b7280" /><path d="M1 13 L13 1 M1 7 L7 1 M7 13 L13 7" stroke="#6b7280" /></svg> held
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true"><path d="M2 2 L12 12 M12 2 L2 12" stroke="#4b5563" stroke-width="2.5" /></svg> sold
      </li>
      {accessible ? (
        <>
          <li>
            <svg width="16" height="16" aria-hidden="true"><rect x="0" y="0" width="16" height="16" rx="3" fill="#1e3a8a" /><WheelchairIcon x={8} y={8} size={13} /></svg> wheelchair space
          </li>
          <li>
            <svg width="18" height="18" aria-hidden="true"><circle cx="9" cy="9" r="5.5" fill="#6b7280" /><circle cx="9" cy="9" r="8" fill="none" stroke="#111827" stroke-width="1.5" stroke-dasharray="3 2" /></svg> companion seat
          </li>
        </>
      ) : null}
    </ul>
  );
}
