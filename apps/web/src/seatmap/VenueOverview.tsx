import { useEffect, useRef } from 'preact/hooks';
import type { SeatStatuses } from './seatStatuses';
import { tierColour, type SectionLayout, type VenueLayout } from './layout';

interface Props {
  layout: VenueLayout;
  statuses: SeatStatuses;
  version: number;
  tiers: string[];
  selected: Set<string>;
  onSection(section: SectionLayout): void;
  freeBySection: Map<string, number>;
}

/**
 * The whole venue on one canvas, to scale: tens of thousands of seats are a few
 * thousand rectangles per frame, where as many DOM nodes would crawl. Redrawn at most
 * once per animation frame. Clicking a section zooms into it; the section buttons
 * beside it do the same from the keyboard.
 */
export function VenueOverview({ layout, statuses, version, tiers, selected, onSection, freeBySection }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef(0);

  useEffect(() => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => draw());
    return () => cancelAnimationFrame(frame.current);
  });

  // Room above the top sections for their names.
  const top = layout.bounds.height * 0.04;
  const view = { x: layout.bounds.x, y: layout.bounds.y - top, width: layout.bounds.width, height: layout.bounds.height + top };
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
    for (const section of layout.sections) {
      const size = Math.max(1, section.pitch * scale * 0.8);
      for (const seat of section.seats) {
        const status = statuses.status(seat.id);
        context.fillStyle = selected.has(seat.id) ? '#111827' : status === 'available' ? tierColour(tiers, seat.tier) : status === 'held' ? '#c4c9d2' : '#6b7280';
        context.fillRect((seat.x - ox) * scale - size / 2, (seat.y - oy) * scale - size / 2, size, size);
      }
      context.strokeStyle = '#374151';
      context.lineWidth = ratio;
      context.strokeRect((section.x - ox) * scale, (section.y - oy) * scale, section.width * scale, section.height * scale);
      context.fillStyle = '#111827';
      context.font = `${12 * ratio}px system-ui, sans-serif`;
      context.fillText(section.name, (section.x - ox) * scale + 3 * ratio, (section.y - oy) * scale - 4 * ratio);
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
      <nav aria-label="Sections" class="section-list">
        <h3>Sections</h3>
        <ul>
          {layout.sections.map((section) => (
            <li key={section.id}>
              <button type="button" onClick={() => onSection(section)} data-section={section.id}>
                {section.name} <span class="muted">{freeBySection.get(section.id) ?? 0} free of {section.seats.length}</span>
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
