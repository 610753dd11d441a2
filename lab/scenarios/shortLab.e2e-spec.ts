import { describeWithEtcd } from '@app/event-store/etcd/testing/localEtcdCluster';
import { DatacenterLab } from '../datacenterLab';
import { loadLabTopology } from '../labTopology';
import { formatResult } from '../report';
import { runScenario, type ScenarioResult } from './runScenario';
import { dcIsolated } from './scenarios';

/**
 * The datacenter lab, short: three datacenters in two regions (lab/topologies/three-datacenters.json),
 * a few hundred tickets, us-east's datacenter cut off mid-sale while its customers still reach its
 * API (both sides sell on from their own groups), then healed. The full five-datacenter scenarios run with `npm run lab -- all`.
 */
const root = process.getuid?.() === 0;
if (!root) console.log('datacenter lab (short): SKIPPED, network namespaces need root');

describeWithEtcd('the datacenter lab, short: one datacenter isolated mid-sale and healed (3 datacenters, 2 regions)', () => {
  let lab: DatacenterLab | undefined;
  let unavailable: string | undefined = root ? undefined : 'network namespaces need root';

  beforeAll(async () => {
    if (unavailable) return;
    const made = await DatacenterLab.start(loadLabTopology('three-datacenters'), { basePort: 24_000, apiPort: 3_190 });
    if ('unavailable' in made) unavailable = made.unavailable;
    else lab = made;
    if (unavailable) console.log(`datacenter lab (short): SKIPPED, ${unavailable}`);
  }, 90_000);

  afterAll(async () => {
    await lab?.stop();
  });

  it('loses nothing, sells nothing twice, keeps both sides selling from their own groups, and bounds the remaining count', async () => {
    if (!lab) return;
    const result: ScenarioResult = await runScenario(
      lab,
      { name: 'short', description: 'us-east isolated for 8 s mid-sale', fault: dcIsolated('use1') },
      { capacity: 1_200, shardCount: 64, customersPerRegion: 2, faultAtMs: 3_000, faultForMs: 8_000, limitMs: 35_000, log: () => undefined },
    );
    console.log(formatResult(result));
    const [eu, us] = [result.regions.find((r) => r.region === 'eu-west')!, result.regions.find((r) => r.region === 'us-east')!];
    expect(result.lost.holdsLost).toBe(0);
    expect(result.lost.ordersLost).toBe(0);
    expect(result.soldTwice).toBe(0);
    expect(result.ticketsSoldInLog).toBe(result.ticketsAcknowledged);
    expect(result.lost.ordersChecked).toBeGreaterThan(20);
    // Each side sells on from the group at home with it (half the tickets each): eu-west's has a
    // majority there; us-east's is one member at home, where its customers' allowances live too.
    expect(eu.fault!.keptSelling).toBe(true);
    expect(us.fault!.keptSelling).toBe(true);
    expect(result.regions.flatMap((r) => r.bad)).toEqual([]);
    // Every answer of /remaining checked against the logs; unknown groups while cut off are allowed.
    expect(result.bound.answers).toBeGreaterThan(20);
    expect(result.bound.heldWithin['2000ms']).toBe(result.bound.groupChecks);
  }, 60_000);
});
