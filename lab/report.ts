import type { ScenarioResult } from './scenarios/runScenario';

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(header), `|${widths.map((w, i) => (i === 0 ? `${'-'.repeat(w + 1)}-` : `${'-'.repeat(w + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** A scenario's figures as the tables the lab prints (Markdown, so they paste as they are). */
export function formatResult(r: ScenarioResult): string {
  const out: string[] = [];
  out.push(`## ${r.scenario}: ${r.description}`);
  out.push(`sale ${(r.saleMs / 1000).toFixed(0)} s, ${r.soldOut ? 'sold out' : 'stopped at the time limit'}; ${r.ticketsSoldInLog} of ${r.capacity} tickets sold in the logs, ${r.ticketsAcknowledged} acknowledged to customers`);
  if (r.faultWindow) out.push(`fault ${(r.faultWindow.fromMs / 1000).toFixed(1)}–${(r.faultWindow.toMs / 1000).toFixed(1)} s: ${r.faultWindow.applied}; then ${r.faultWindow.healed}`);
  out.push('');
  const faultCols = r.faultWindow ? ['acks in fault (after 5 s)', '503s in fault', 'no answer in fault', 'kept selling', 'failover gap (at)', 'first ack after heal'] : [];
  out.push(
    table(
      ['region', 'tickets sold', 'holds / orders acked', 'metrics: holds placed / sold / 503s', ...faultCols, 'longest gap in the sale (at)', 'hold p50 / p99 ms', '/remaining answered'],
      r.regions.map((g) => [
        `${g.region} (${g.datacenter})`,
        String(g.ticketsSold),
        `${g.holdsAcked} / ${g.ordersAcked}`,
        `${g.metrics.holdsPlaced} / ${g.metrics.ticketsSold} / ${g.metrics.http503}`,
        ...(g.fault ? [`${g.fault.acks} (${g.fault.acksAfterFailover})`, String(g.fault.http503), String(g.fault.noAnswer), g.fault.keptSelling ? 'yes' : 'NO', `${(g.fault.gapMs / 1000).toFixed(1)} s (${g.fault.gapAt})`, g.fault.firstAckAfterHealMs === undefined ? '–' : `${(g.fault.firstAckAfterHealMs / 1000).toFixed(1)} s`] : []),
        `${(g.longestGapMs / 1000).toFixed(1)} s (${g.longestGapAt})`,
        `${g.holdP50Ms} / ${g.holdP99Ms}`,
        `${g.remainingAnswers} of ${g.remainingAnswers + g.remainingUnanswered}`,
      ]),
    ),
  );
  out.push('');
  const clusters = [...new Set(r.regions.flatMap((g) => Object.keys(g.appendMeanMsByCluster)))].sort();
  out.push('mean append time to each cluster, ms (ticketing_store_append_seconds):');
  out.push('');
  out.push(table(['region', ...clusters], r.regions.map((g) => [g.region, ...clusters.map((c) => (g.appendMeanMsByCluster[c] === undefined ? '–' : String(g.appendMeanMsByCluster[c])))])));
  out.push('');
  const lost = r.lost;
  out.push(
    table(
      ['check', 'result'],
      [
        ['acknowledged holds lost (not in the log)', `${lost.holdsLost} of ${lost.holdsChecked}`],
        ['acknowledged orders lost (not in the log, or not answered by GET /v1/orders/:id in their region)', `${lost.ordersLost} of ${lost.ordersChecked}`],
        ['tickets sold twice (every shard group\'s log read directly)', String(r.soldTwice)],
        ['capacity transfers (rebalancers and operators): made, tickets moved', `${r.transfers.made}, ${r.transfers.tickets} tickets`],
        ['capacity transfers without exactly one Out and one In after the sale', r.transfers.unmatched.length ? r.transfers.unmatched.slice(0, 5).join('; ') : '0'],
        ['capacity moved out / in per group (tickets)', Object.entries(r.transfers.byGroup).map(([g, m]) => `${g} -${m.out}/+${m.in}`).join(' ')],
        ['most tickets in transit in any /remaining answer', String(r.transfers.maxInTransitSeen)],
        ...(r.faultOutcome ? [['the fault\'s outcome', r.faultOutcome]] : []),
        ['remaining: answers checked', `${r.bound.answers} (${r.bound.unanswered} requests unanswered)`],
        ['remaining: lower <= true <= upper, per known group', `${r.bound.groupHeld} of ${r.bound.groupChecks} (${r.bound.heldPercent} %)`],
        ...Object.entries(r.bound.heldWithin).map(([t, n]) => [`remaining: the same, the answer allowed to be ${t} old`, `${n} of ${r.bound.groupChecks} (${r.bound.groupChecks ? Math.round((n / r.bound.groupChecks) * 10_000) / 100 : 100} %)`]),
        ['remaining: furthest a true count lay outside its bound', `${r.bound.worstMiss} tickets`],
        ['remaining: whole answer covered the true count of its known groups', `${r.bound.totalHeld} of ${r.bound.answers}`],
        ['remaining: groups reported unknown', `${r.bound.groupUnknown} (${r.bound.unknownPercent} % of group reports)`],
        ['remaining: widest / mean bound (upper - lower)', `${r.bound.widestBound} / ${r.bound.meanBound}`],
        ['holds undone after a cut-short first attempt (409 idempotency_key_reused, new key)', r.regions.map((g) => `${g.region} ${g.keysSpent}`).join(', ')],
        ['answers to writes by status (0: no answer)', r.regions.map((g) => `${g.region} ${Object.entries(g.statuses).map(([k, v]) => `${k}:${v}`).join(' ')}`).join('; ')],
        ['hold requests answered sold out (seats_unavailable)', r.regions.map((g) => `${g.region} ${g.soldOutAnswers}`).join(', ')],
        ['leaders before (cluster: datacenter)', Object.entries(r.leadersBefore).map(([c, d]) => `${c}:${d}`).join(' ')],
        ...(r.faultWindow ? [['leaders after the heal', Object.entries(r.leadersAfterHeal).map(([c, d]) => `${c}:${d}`).join(' ')]] : []),
      ],
    ),
  );
  const f = r.fairness;
  const figure = (g: { unfair: number; pairs: number; percent: number; wronged: number }) => [String(g.unfair), String(g.pairs), `${g.percent} %`, String(g.wronged)];
  out.push('');
  out.push(`fairness by arrival stamp: hold answers ${f.requests.served} served (201), ${f.requests.soldOut} sold out (409 seats_unavailable), ${f.requests.unavailable} unavailable (503)${f.requests.unstamped ? `, ${f.requests.unstamped} without a stamp` : ''}${f.requests.givenUp ? `, ${f.requests.givenUp} given up unanswered when the sale ended` : ''}; an unfair pair is one where the earlier request got nothing and the later one tickets (0 % first come first served, 50 % a lottery)`);
  out.push('');
  out.push(
    table(
      ['fairness', 'unfair pairs', 'pairs (one served)', 'unfair', 'requests refused before a later one was served'],
      [
        ['served vs told sold out', ...figure(f.soldOut)],
        ['served vs sold out or 503', ...figure(f.withUnavailable)],
      ],
    ),
  );
  if (r.bound.violations.length) out.push('', 'bound violations (the first five, then the furthest off):', ...r.bound.violations.slice(0, 10).map((v) => `  ${v}`));
  const problems = [...lost.holdsMissingFromLog, ...lost.ordersMissingFromLog, ...lost.ordersNotAnswered].slice(0, 5);
  if (problems.length) out.push('', 'lost (first few):', ...problems.map((p) => `  ${p}`));
  const bad = r.regions.flatMap((g) => g.bad.map((b) => `${g.region}: ${b}`)).slice(0, 5);
  if (bad.length) out.push('', 'bad answers (5xx other than 503, or 503 without Retry-After):', ...bad.map((b) => `  ${b}`));
  const refusals = r.regions.flatMap((g) => g.refusals.map((b) => `${g.region}: ${b}`)).slice(0, 5);
  if (refusals.length) out.push('', 'other refusals (first few):', ...refusals.map((b) => `  ${b}`));
  return out.join('\n');
}
