import type { DatacenterLab } from '../datacenterLab';
import { transferDuringCut } from './transferCut';

/** What a fault may need of the sale it is put into. */
export interface SaleContext {
  showId: string;
}

/** A fault the lab puts in mid-sale and takes out later; each step says what it did. */
export interface Fault {
  /** What the report calls it. */
  what: string;
  apply(lab: DatacenterLab, sale: SaleContext): Promise<string>;
  heal(lab: DatacenterLab, sale: SaleContext): Promise<string>;
  /** After the sale: what the fault's own story came to (e.g. when a transfer it cut short landed). */
  outcome?(lab: DatacenterLab, sale: SaleContext): Promise<string>;
}

export interface Scenario {
  name: string;
  description: string;
  fault?: Fault;
}

export function dcDown(datacenter: string): Fault {
  return {
    what: `every process of ${datacenter} SIGKILLed (its etcd members and its API), restarted on their data later`,
    apply: async (lab) => `killed ${(await lab.killDatacenter(datacenter)).join(', ')}`,
    heal: async (lab) => {
      await lab.restartDatacenter(datacenter);
      return `restarted ${datacenter}'s members and API`;
    },
  };
}

/** A datacenter's etcd members SIGKILLed, its API left running; `apply` says which clusters' leaders were among them. */
export function membersDown(datacenter: string): Fault {
  return {
    what: `the etcd members of ${datacenter} SIGKILLed (its API keeps running), restarted on their data later`,
    apply: async (lab) => {
      const leading = Object.entries(await lab.leaders()).filter(([, dc]) => dc === datacenter).map(([cluster]) => cluster);
      const killed = await lab.killMembers(datacenter);
      return `killed ${killed.join(', ')} (the leaders of ${leading.join(', ') || 'no cluster'})`;
    },
    heal: async (lab) => {
      await lab.restartMembers(datacenter);
      return `restarted ${datacenter}'s members`;
    },
  };
}

export function dcIsolated(datacenter: string): Fault {
  return {
    what: `${datacenter} cut off from every other datacenter (its own customers still reach its API)`,
    apply: async (lab) => {
      lab.isolate(datacenter);
      return `isolated ${datacenter}`;
    },
    heal: async (lab) => {
      lab.rejoin(datacenter);
      return `rejoined ${datacenter}`;
    },
  };
}

export function split(sides: string[][]): Fault {
  const named = sides.map((s) => `{${s.join(', ')}}`).join(' | ');
  return {
    what: `the network split: ${named}`,
    apply: async (lab) => {
      lab.split(sides);
      return `split ${named}`;
    },
    heal: async (lab) => {
      lab.join();
      return 'joined';
    },
  };
}

/** The scenarios of the five-datacenter topology (lab/topologies/five-datacenters.json). */
export const SCENARIOS: Scenario[] = [
  { name: 'no-fault', description: 'The festival sold from five regions, nothing fails' },
  { name: 'dc-down', description: 'eu-central goes down mid-sale (SIGKILL of its members and API) and comes back', fault: dcDown('euc1') },
  {
    name: 'leader-lost',
    description: 'eu-west\'s etcd members are SIGKILLed mid-sale, its API keeps running: the leaders of the meta cluster and of g-euw die and are elected elsewhere; restarted later',
    fault: membersDown('euw1'),
  },
  { name: 'dc-isolated', description: 'eu-central is cut off mid-sale while its own customers still reach its API; healed later', fault: dcIsolated('euc1') },
  {
    name: 'atlantic-cut',
    description: 'The Atlantic cut: {us-east, us-west, ap-southeast} | {eu-west, eu-central}; healed later',
    fault: split([['use1', 'usw1', 'aps1'], ['euw1', 'euc1']]),
  },
  {
    name: 'transfer-cut',
    description:
      'A partition during a capacity transfer: the Atlantic cut comes as eu-west moves up to 100 tickets from g-euw to g-use (whose majority is west of the cut); the tickets stay in transit, sold by no one, until the heal',
    fault: transferDuringCut([['use1', 'usw1', 'aps1'], ['euw1', 'euc1']], 'eu-west', 'g-euw', 'g-use'),
  },
];
