import { useEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { money } from '../format';
import type { PriceTier, SeatState } from '../api/types';
import type { SeatStatuses } from './seatStatuses';
import type { SeatSpot, SectionLayout, WheelchairSpace } from './layout';
import { tierColour } from './tierColour';
import './seatmap.css';

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
  /** Each seat's number printed on it. */
  showNumbers: boolean;
}

/**
 * Seats on a grid of their own, not to the venue's scale: one seat every PITCH units,
 * and the drawing is never narrower than one CSS pixel per unit, so every seat's target
 * stays PITCH px square however many seats a row has (WCAG 2.2 target size: 24). A
 * section wider than the screen scrolls (and pinch-zooms) inside its box.
 */
export const PITCH = 30;
const GUTTER = 30;
const R = PITCH * 0.36;

/**
 * One section's seats as SVG, each a focusable button: tap or click, or move with
 * the arrow keys and press Space or Enter. Status shows by shape as well as colour:
 * available is a filled circle, held a hatched square, sold a cross, selected a
 * circle with a tick.
 */
export function SectionSeats({ section, statuses, version, tiers, selected, flagged, onToggle, autoFocus, showNumbers }: Props) {
  const [focusId, setFocusId] = useState<string>(section.seats[0]?.id ?? '');
  // Drawn as a ring of its own: an outline on an SVG group is not drawn around its shape.
  const [ringOn, setRingOn] = useState<string | null>(null);
  const svg = useRef<SVGSVGElement>(null);
  const priceOf = new Map(tiers.map((t) => [t.tier, t]));
  const width = section.columns * PITCH + 2 * GUTTER;
  const height = section.rowLabels.length * PITCH;
  const cx = (spot: { column: number }) => GUTTER + (spot.column + 0.5) * PITCH;
  const cy = (spot: { rowIndex: number }) => (spot.rowIndex + 0.5) * PITCH;

  const focusSeat = (seat: SeatSpot | undefined) => {
    if (!seat) return;
    setFocusId(seat.id);
    svg.current?.querySelector<SVGGElement>(`[data-seat-id="${seat.id}"]`)?.focus();
  };

  useEffect(() => {
    setFocusId(section.seats[0]?.id ?? '');
    if (autoFocus) focusSeat(section.seats[0]);
  }, [section.id]);

  const onKey = (seat: SeatSpot, event: KeyboardEvent) => {
    const row = section.rows[seat.rowIndex];
    const index = row.indexOf(seat);
    const nearestIn = (rowIndex: number): SeatSpot | undefined => {
      // Rows of wheelchair spaces only have no seats: step over them.
      for (let r = rowIndex; r >= 0 && r < section.rows.length; r += rowIndex < seat.rowIndex ? -1 : 1) {
        const other = section.rows[r];
        if (other.length > 0) return other.reduce((best, s) => (Math.abs(s.column - seat.column) < Math.abs(best.column - seat.column) ? s : best), other[0]);
      }
      return undefined;
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

  const ringSeat = ringOn ? section.seats.find((s) => s.id === ringOn) : undefined;
  void version;
  return (
    <div class="seats-scroll" data-testid="seats-scroll">
      <svg
        ref={svg}
        class="section-seats"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        style={{ minWidth: `${width}px`, maxWidth: `${Math.round(width * 1.5)}px` }}
        role="group"
        aria-label={`${section.name}: seats, front row at the top. Arrow keys move between seats, Space or Enter selects.`}
      >
        <defs>
          <pattern id="hatch" width={R * 0.7} height={R * 0.7} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2={R * 0.7} stroke="#6b7280" stroke-width={R * 0.25} />
          </pattern>
        </defs>
        {section.rowLabels.map((label, rowIndex) => (
          <g key={label} class="row-label" aria-hidden="true">
            <text x={GUTTER / 2} y={cy({ rowIndex })} text-anchor="middle" dominant-baseline="central">
              {label}
            </text>
            <text x={width - GUTTER / 2} y={cy({ rowIndex })} text-anchor="middle" dominant-baseline="central">
              {label}
            </text>
          </g>
        ))}
        {section.spaces.map((space) => (
          <WheelchairMark key={`${space.row}-${space.number}`} space={space} x={cx(space)} y={cy(space)} />
        ))}
        {section.seats.map((seat) => {
          const status: SeatState = statuses.status(seat.id);
          const isSelected = selected.has(seat.id);
          const isFlagged = flagged.has(seat.id);
          const price = priceOf.get(seat.tier);
          const label = `Row ${seat.row}, seat ${seat.number}${seat.companion ? ', companion seat' : ''}, ${seat.tier}${price ? ` ${money(price.price, price.currency)}` : ''}, ${isFlagged ? 'taken by someone else' : isSelected ? 'selected' : status}`;
          const x = cx(seat);
          const y = cy(seat);
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
              {/* The whole grid cell takes the tap, not just the drawn circle. */}
              <rect class="seat-hit" x={x - PITCH / 2} y={y - PITCH / 2} width={PITCH} height={PITCH} />
              {seatShape(x, y, status, isSelected, isFlagged, tierColour(seat.tier))}
              {seat.companion && !isSelected && !isFlagged ? <circle cx={x} cy={y} r={R + 3} class="companion-ring" /> : null}
              {showNumbers && status === 'available' && !isSelected && !isFlagged ? (
                <text class="seat-number" x={x} y={y} text-anchor="middle" dominant-baseline="central" aria-hidden="true">
                  {seat.number}
                </text>
              ) : null}
            </g>
          );
        })}
        {ringSeat ? <circle class="focus-ring" cx={cx(ringSeat)} cy={cy(ringSeat)} r={PITCH / 2 - 1} aria-hidden="true" /> : null}
      </svg>
    </div>
  );
}

function WheelchairMark({ space, x, y }: { space: WheelchairSpace; x: number; y: number }) {
  const label = `Row ${space.row}, wheelchair space ${space.number}`;
  return (
    <g class="wheelchair-space" data-wheelchair-space={`${space.row}-${space.number}`} role="img" aria-label={label}>
      <title>{label}</title>
      <rect x={x - R - 1} y={y - R - 1} width={2 * R + 2} height={2 * R + 2} rx={3} />
      <WheelchairIcon x={x} y={y} size={2 * R} />
    </g>
  );
}

/** The international symbol of access, drawn (a font may not have the glyph). */
export function WheelchairIcon({ x, y, size, colour = '#fff' }: { x: number; y: number; size: number; colour?: string }) {
  const s = size / 20;
  return (
    <g transform={`translate(${x - size / 2} ${y - size / 2}) scale(${s})`} fill="none" stroke={colour} stroke-width={2} stroke-linecap="round" aria-hidden="true">
      <circle cx={9} cy={3.5} r={1.6} fill={colour} stroke="none" />
      <path d="M9 6 L9 11 L14 11 L16 16" />
      <path d="M9 8.5 L13 8.5" />
      <path d="M7 9.5 A5 5 0 1 0 13.5 14.5" />
    </g>
  );
}

function seatShape(x: number, y: number, status: SeatState, isSelected: boolean, isFlagged: boolean, colour: string): JSX.Element {
  const r = R;
  if (isFlagged) {
    return (
      <g>
        <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill="url(#hatch)" stroke="#b91c1c" stroke-width={r * 0.35} />
        <text x={x} y={y} font-size={r * 1.6} text-anchor="middle" dominant-baseline="central" fill="#b91c1c" font-weight="bold">
          !
        </text>
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
