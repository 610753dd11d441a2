import type { Row } from './table';

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A plain SVG: per row, a bar for its throughput as a share of its baseline (the
 * ratio the targets are stated in) and a bar for its p99 latency.
 */
export function renderChart(rows: Row[], machine: { cpus: number; cpuModel: string; node: string }, quick: boolean): string {
  const rowHeight = 34;
  const top = 70;
  const left = 330;
  const ratioWidth = 330;
  const latencyLeft = left + ratioWidth + 150;
  const latencyWidth = 220;
  const height = top + rows.length * rowHeight + 40;
  const width = latencyLeft + latencyWidth + 90;
  const maxRatio = Math.max(1, ...rows.map((r) => (r.baseline ? r.perSecond / r.baseline : 0)));
  const maxP99 = Math.max(1, ...rows.map((r) => r.p99 ?? 0));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="22" font-size="15" font-weight="bold">npm run bench${quick ? ' -- --quick' : ''}: throughput against the same run's baseline, and p99 latency</text>`,
    `<text x="10" y="42" fill="#555">${escape(`${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}; server and load generator share the cores`)}</text>`,
    `<text x="${left}" y="${top - 8}" fill="#555">per second / baseline (floor for HTTP rows, bare log scan for replays)</text>`,
    `<text x="${latencyLeft}" y="${top - 8}" fill="#555">p99 latency</text>`,
  ];
  for (const [mark, label] of [
    [0.35, '35%'],
    [0.6, '60%'],
    [1, '100%'],
  ] as const) {
    const x = left + (mark / maxRatio) * ratioWidth;
    parts.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${height - 35}" stroke="#bbb" stroke-dasharray="3,3"/>`, `<text x="${x - 12}" y="${height - 20}" fill="#777">${label}</text>`);
  }
  const x50 = latencyLeft + (50 / maxP99) * latencyWidth;
  if (50 < maxP99) parts.push(`<line x1="${x50}" y1="${top}" x2="${x50}" y2="${height - 35}" stroke="#d88" stroke-dasharray="3,3"/>`, `<text x="${x50 - 14}" y="${height - 20}" fill="#c66">50 ms</text>`);
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const unit = row.unit ?? 'req/s';
    parts.push(`<text x="10" y="${y + 15}">${escape(`${row.scenario}: ${row.measure}`)}</text>`);
    parts.push(`<text x="10" y="${y + 28}" fill="#777" font-size="11">${escape(`${Math.round(row.perSecond).toLocaleString('en-US')} ${unit}${row.note ? ` · ${row.note}` : ''}`)}</text>`);
    if (row.baseline) {
      const ratio = row.perSecond / row.baseline;
      const w = Math.max(1, (ratio / maxRatio) * ratioWidth);
      parts.push(`<rect x="${left}" y="${y + 6}" width="${w}" height="18" fill="#4a7bd0"/>`, `<text x="${left + w + 5}" y="${y + 19}">${(ratio * 100).toFixed(1)}%</text>`);
    }
    if (row.p99) {
      const w = Math.max(1, (row.p99 / maxP99) * latencyWidth);
      parts.push(`<rect x="${latencyLeft}" y="${y + 6}" width="${w}" height="18" fill="#e0903a"/>`, `<text x="${latencyLeft + w + 5}" y="${y + 19}">${row.p99.toFixed(1)} ms</text>`);
    }
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
