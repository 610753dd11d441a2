import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { money } from '../format';
import type { PriceTier, SeatState } from '../api/types';
import type { SeatStatuses } from './seatStatuses';
import { tierColour, type SeatSpot, type SectionLayout } from './layout';

interface Props {
  section: SectionLayout;
  statuses: SeatStatuses;
  version: number;
  tiers: PriceTier[];
  selected: Set<string>;
  flagged: Set<string>;
  onToggle(seat: SeatSpot): void;
  /** Zoomed into from the overview: the focus moves onto the seats, as it would leave a removed button. */
  autoFocus?: boolean;
}

/**
 * One section's seats as SVG, to scale, each a focusable button: click, or move with
 * the arrow keys and press Space or Enter. Status shows by shape as well as colour:
 * available is a filled circle, held a hatched square, sold a cross, selected a
 * circle with a tick.
 */
export function SectionSeats({ section, statuses, version, tiers, selected, flagged, onToggle, autoFocus }: Props) {
  const [focusId, setFocusId] = useState<string>(section.seats[0]?.id ?? '');
  // Drawn as a ring of its own: an outline or stroke on the seat would scale with the map.
  const [ringOn, setRingOn] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const tierNames = tiers.map((t) => t.tier);
  const priceOf = new Map(tiers.map((t) => [t.tier, t]));
  const pad = section.pitch;
  const r = section.pitch * 0.4;

  const focusSeat = (seat: SeatSpot | undefined) => {
    if (!seat) return;
    setFocusId(seat.id);
    svg.current?.querySelector<SVGGElement>(`[data-seat-id="${seat.id}"]`)?.focus();
  };

  useEffect(() => {
    if (autoFocus) focusSeat(section.seats[0]);
  }, [section.id]);

  const onKey = (seat: SeatSpot, event: KeyboardEvent) => {
    const row = section.rows[seat.rowIndex];
    const index = row.indexOf(seat);
    const nearestIn = (rowIndex: number) => {
      const other = section.rows[rowIndex];
      if (!other) return undefined;
      return other.reduce((best, s) => (Math.abs(s.x - seat.x) < Math.abs(best.x - seat.x) ? s : best), other[0]);
    };
    switch (event.key) {
      case 'ArrowLeft':
        focusSeat(row[index - 1]);
        break;
      case 'ArrowRight':
        focusSeat(row[index + 1]);
        break;
      case 'ArrowUp':
        focusSeat(nearestIn(seat.rowIndex - 1));
        break;
      case 'ArrowDown':
        focusSeat(nearestIn(seat.rowIndex + 1));
        break;
      case 'Home':
        focusSeat(row[0]);
        break;
      case 'End':
        focusSeat(row[row.length - 1]);
        break;
      case ' ':
      case 'Enter':
        onToggle(seat);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  void version;
  return (
    <svg
      ref={svg}
      class="section-seats"
      viewBox={`${section.x - pad} ${section.y - pad} ${section.width + 2 * pad} ${section.height + 2 * pad}`}
      role="group"
      aria-label={`${section.name}: seats, front row at the top. Arrow keys move between seats, Space or Enter selects.`}
    >
      <defs>
        <pattern id="hatch" width={r * 0.7} height={r * 0.7} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2={r * 0.7} stroke="#6b7280" stroke-width={r * 0.25} />
        </pattern>
      </defs>
      {section.rows.map((row) => (
        <text class="row-label" x={section.x - pad * 0.5} y={row[0].y} font-size={section.pitch * 0.5} text-anchor="middle" dominant-baseline="central" aria-hidden="true">
          {row[0].row}
        </text>
      ))}
      {section.seats.map((seat) => {
        const status: SeatState = statuses.status(seat.id);
        const isSelected = selected.has(seat.id);
        const isFlagged = flagged.has(seat.id);
        const price = priceOf.get(seat.tier);
        const label = `Row ${seat.row}, seat ${seat.number}, ${seat.tier}${price ? ` ${money(price.price, price.currency)}` : ''}, ${isFlagged ? 'taken by someone else' : isSelected ? 'selected' : status}`;
        return (
          <g
            key={seat.id}
            data-seat-id={seat.id}
            data-status={isSelected && !isFlagged ? 'selected' : status}
            class={`seat seat-${status}${isSelected ? ' seat-selected' : ''}${isFlagged ? ' seat-flagged' : ''}`}
            role="button"
            tabindex={seat.id === focusId ? 0 : -1}
            aria-label={label}
            aria-pressed={isSelected}
            aria-disabled={status !== 'available' && !isSelected}
            onClick={(event) => {
              // Chromium does not focus SVG elements on click: do it, so the arrow keys go on from here.
              event.currentTarget.focus();
              setFocusId(seat.id);
              onToggle(seat);
            }}
            onKeyDown={(event) => onKey(seat, event)}
            onFocus={() => setRingOn(seat.id)}
            onBlur={() => setRingOn((current) => (current === seat.id ? null : current))}
          >
            <title>{label}</title>
            {seatShape(seat, status, isSelected, isFlagged, r, tierColour(tierNames, seat.tier))}
          </g>
        );
      })}
      {ringOn && section.seats.some((s) => s.id === ringOn) ? (() => {
        const seat = section.seats.find((s) => s.id === ringOn)!;
        return <circle class="focus-ring" cx={seat.x} cy={seat.y} r={r * 1.4} aria-hidden="true" />;
      })() : null}
    </svg>
  );
}

function seatShape(seat: SeatSpot, status: SeatState, isSelected: boolean, isFlagged: boolean, r: number, colour: string): JSX.Element {
  const { x, y } = seat;
  if (isFlagged) {
    return (
      <g>
        <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill="url(#hatch)" stroke="#b91c1c" stroke-width={r * 0.35} />
        <text x={x} y={y} font-size={r * 1.6} text-anchor="middle" dominant-baseline="central" fill="#b91c1c" font-weight="bold">!</text>
      </g>
    );
  }
  if (isSelected) {
    return (
      <g>
        <circle cx={x} cy={y} r={r} fill="#111827" />
        <path d={`M ${x - r * 0.5} ${y} L ${x - r * 0.1} ${y + r * 0.45} L ${x + r * 0.55} ${y - r * 0.45}`} fill="none" stroke="#fff" stroke-width={r * 0.3} />
      </g>
    );
  }
  if (status === 'held') return <rect x={x - r * 0.9} y={y - r * 0.9} width={r * 1.8} height={r * 1.8} fill="url(#hatch)" stroke="#6b7280" stroke-width={r * 0.15} />;
  if (status === 'sold') {
    return <path d={`M ${x - r * 0.75} ${y - r * 0.75} L ${x + r * 0.75} ${y + r * 0.75} M ${x + r * 0.75} ${y - r * 0.75} L ${x - r * 0.75} ${y + r * 0.75}`} stroke="#4b5563" stroke-width={r * 0.35} />;
  }
  return <circle cx={x} cy={y} r={r} fill={colour} />;
}
