import type { DatacenterLab } from '../datacenterLab';
import { request, sleep } from '../load/http';
import type { Fault } from './scenarios';

interface ShardFigures {
  shardId: string;
  group: string;
  capacity: number;
  available: number;
}

/**
 * The network splits into `sides` and, at that moment, an operator in `region` moves tickets
 * from the region's group `fromGroup` to `toGroup`, whose majority is on the other side: the
 * Out is written, the In cannot be, and the tickets are in transit — sold by no one — until the
 * heal, when a rebalancer lands them. The outcome says how the transfer answered and when it landed.
 */
export function transferDuringCut(sides: string[][], region: string, fromGroup: string, toGroup: string): Fault {
  const named = sides.map((s) => `{${s.join(', ')}}`).join(' | ');
  let healedAt = 0;
  let asked: { transferId: string; count: number; from: string; to: string; answer: Promise<string> } | undefined;
  return {
    what: `the network split ${named} while ${region} moves tickets from ${fromGroup} to ${toGroup} (across the cut)`,
    apply: async (lab, { showId }) => {
      lab.split(sides);
      const url = lab.api(region).url;
      const listed = await request(url, 'GET', `/v1/admin/shows/${showId}/capacity-transfers`, { token: lab.adminToken });
      const shards = (listed.body?.byShard ?? []) as ShardFigures[];
      const source = shards.filter((s) => s.group === fromGroup).sort((a, b) => b.available - a.available)[0];
      const target = shards.find((s) => s.group === toGroup);
      const count = Math.min(100, Math.floor((source?.available ?? 0) / 2));
      if (!source || !target || count < 1) return `split ${named}; no transfer: ${fromGroup} has nothing to give (${JSON.stringify(listed.body).slice(0, 200)})`;
      const transferId = `cut-${Date.now().toString(36)}`;
      const at = Date.now();
      const answer = request(url, 'POST', `/v1/admin/shows/${showId}/capacity-transfers`, {
        token: lab.adminToken,
        body: { fromShard: source.shardId, toShard: target.shardId, count, transferId },
        timeoutMs: 120_000,
      }).then(
        (reply) => `${reply.status} ${reply.body?.status ?? reply.body?.error ?? ''} after ${((Date.now() - at) / 1000).toFixed(1)} s`,
        (error: unknown) => `no answer (${String(error)})`,
      );
      asked = { transferId, count, from: source.shardId, to: target.shardId, answer };
      return `split ${named}; ${region} asked to move ${count} tickets ${source.shardId} (${fromGroup}) -> ${target.shardId} (${toGroup}) as ${transferId}`;
    },
    heal: async (lab) => {
      lab.join();
      healedAt = Date.now();
      return 'joined';
    },
    // After the sale: how the operator's call answered, and when the transfer landed (watched from the heal on).
    outcome: async (lab, { showId }) => {
      if (!asked) return 'no transfer was asked';
      const answered = await asked.answer;
      const url = lab.api(region).url;
      const what = `transfer ${asked.transferId} (${asked.count} tickets ${asked.from} -> ${asked.to}) answered ${answered}`;
      for (;;) {
        const listed = await request(url, 'GET', `/v1/admin/shows/${showId}/capacity-transfers`, { token: lab.adminToken }).catch(() => undefined);
        const mine = (listed?.body?.transfers as Array<{ transferId: string; status: string; inAt?: string }> | undefined)?.find((t) => t.transferId === asked!.transferId);
        if (mine?.status === 'completed' && mine.inAt) return `${what}; landed ${((Date.parse(mine.inAt) - healedAt) / 1000).toFixed(1)} s after the heal`;
        if (Date.now() - healedAt > 120_000) return `${what}; NOT landed 120 s after the heal (${mine?.status ?? 'not seen'})`;
        await sleep(500);
      }
    },
  };
}
