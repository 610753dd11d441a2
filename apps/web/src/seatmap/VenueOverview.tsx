import { useEffect, useRef } from 'preact/hooks';
import type { SeatStatuses } from './seatStatuses';
import type { SectionLayout, VenueLayout } from './layout';
import { tierColour } from './tierColour';
import './seatmap.css';

interface Props {
  layout: VenueLayout;
  statuses: SeatStatuses;
  version: number;
  selected: Set<string>;
  onSection(section: SectionLayout): void;
  freeBySection: Map<string, number>;
  /** The section just closed: its button takes the focus back. */
  returnFocusTo?: string;
}

/**
 * The whole venue on one canvas, to scale: tens of thousands of seats are a few
 * thousand rectangles per frame, where as many DOM nodes would crawl. Redrawn at most
 * once per animation frame. A section's name is printed only where it fits inside
 * its box, never over a neighbour's; the list of sections beside (below, on a phone)
 * names every one, with its free seats, and is how a thumb or a keyboard opens a section.
 */
export function VenueOverview({ layout, statuses, version, selected, onSection, freeBySection, returnFocusTo }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const list = useRef<HTMLElement>(null);
  const frame = useRef(0);

  useEffect(() => {
    if (returnFocusTo) list.current?.querySelector<HTMLButtonElement>(`[data-section="${returnFocusTo}"]`)?.focus();
  }, []);

  useEffect(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => draw());
    return () => cancelAnimationFrame(frame.current);
  });

  const margin = layout.bounds.width * 0.01;
  const view = { x: layout.bounds.x - margin, y: layout.bounds.y - margin, width: layout.bounds.width + 2 * margin, height: layout.bounds.height + 2 * margin };
  const scaleFor = (element: HTMLCanvasElement) => element.clientWidth / view.width;

  const draw = () => {
    const element = canvas.current;
    if (!element) return;
    const ratio = window.devicePixelRatio || 1;
    const cssWidth = element.clientWidth;
    const cssHeight = (cssWidth * view.height) / view.width;
    element.style.height = `${cssHeight}px`;
    element.width = Math.round(cssWidth * ratio);
    element.height = Math.round(cssHeight * ratio);
    const context = element.getContext('2d');
    if (!context) return;
    const scale = scaleFor(element) * ratio;
    const ox = view.x;
    const oy = view.y;
    context.clearRect(0, 0, element.width, element.height);
    const stage = layout.stage;
    if (stage) {
      context.fillStyle = '#374151';
      context.fillRect((stage.x - ox) * scale, (stage.y - oy) * scale, stage.width * scale, stage.height * scale);
      label(context, stage.label.toUpperCase(), (stage.x - ox + stage.width / 2) * scale, (stage.y - oy + stage.height / 2) * scale, stage.width * scale, stage.height * scale, ratio, '#fff');
    }
    for (const section of layout.sections) {
      const size = Math.max(1, section.pitch * scale * 0.8);
      for (const seat of section.seats) {
        const status = statuses.status(seat.id);
        context.fillStyle = selected.has(seat.id) ? '#111827' : status === 'available' ? tierColour(seat.tier) : status === 'held' ? '#c4c9d2' : '#6b7280';
        context.fillRect((seat.x - ox) * scale - size / 2, (seat.y - oy) * scale - size / 2, size, size);
      }
      context.strokeStyle = '#374151';
      context.lineWidth = ratio;
      context.strokeRect((section.x - ox) * scale, (section.y - oy) * scale, section.width * scale, section.height * scale);
    }
    // Names last, on a white plate, and only where the whole name fits inside the box.
    for (const section of layout.sections) {
      label(context, section.name, (section.x - ox + section.width / 2) * scale, (section.y - oy + section.height / 2) * scale, section.width * scale, section.height * scale, ratio);
    }
  };

  useEffect(() => {
    const onResize = () => draw();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [layout]);

  const onClick = (event: MouseEvent) => {
    const element = canvas.current;
    if (!element) return;
    const rect = element.getBoundingClientRect();
    const scale = scaleFor(element);
    const x = (event.clientX - rect.left) / scale + view.x;
    const y = (event.clientY - rect.top) / scale + view.y;
    const hit = layout.sections.find((s) => x >= s.x && x <= s.x + s.width && y >= s.y && y <= s.y + s.height);
    if (hit) onSection(hit);
  };

  void version;
  return (
    <div class="overview">
      <canvas
        ref={canvas}
        class="overview-canvas"
        role="img"
        aria-label={`Map of the whole venue, ${layout.seatCount} seats in ${layout.sections.length} sections. Choose a section from the list to pick seats.`}
        onClick={onClick}
      />
      <nav aria-label="Sections" class="section-list" ref={list}>
        <h2>Sections</h2>
        <ul>
          {layout.sections.map((section) => {
            const tiers = [...new Set(section.seats.map((s) => s.tier))];
            return (
              <li key={section.id}>
                <button type="button" onClick={() => onSection(section)} data-section={section.id}>
                  <span class="section-name">{section.name}</span>
                  <span class="section-tiers" aria-hidden="true">
                    {tiers.map((t) => (
                      <span key={t} class="chip" style={{ background: tierColour(t) }} />
                    ))}
                  </span>
                  <span class="muted">
                    {freeBySection.get(section.id) ?? 0} free of {section.seats.length} · {tiers.join(', ')}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}

/** A name centred in a box, on a white plate, only if it fits: never printed over a neighbour. */
function label(context: CanvasRenderingContext2D, text: string, x: number, y: number, boxWidth: number, boxHeight: number, ratio: number, colour = '#111827'): void {
  const size = 12 * ratio;
  context.font = `600 ${size}px system-ui, sans-serif`;
  const width = context.measureText(text).width;
  if (width + 4 * ratio > boxWidth || size + 4 * ratio > boxHeight) return;
  if (colour !== '#fff') {
    context.fillStyle = 'rgba(255,255,255,0.9)';
    context.fillRect(x - width / 2 - 2 * ratio, y - size / 2 - 2 * ratio, width + 4 * ratio, size + 4 * ratio);
  }
  context.fillStyle = colour;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(text, x, y);
  context.textAlign = 'start';
  context.textBaseline = 'alphabetic';
}
