import { describeWithEtcd } from '@app/event-store/etcd/testing/localEtcdCluster';
import { DatacenterLab } from '../datacenterLab';
import { loadLabTopology } from '../labTopology';
import { formatResult } from '../report';
import { runScenario, type ScenarioResult } from './runScenario';
import { dcIsolated } from './scenarios';

/**
 * The datacenter lab, short: three datacenters in two regions (lab/topologies/three-datacenters.json),
 * a few hundred tickets, us-east's datacenter cut off mid-sale while its customers still reach its
 * API, then healed. The full five-datacenter scenarios run with `npm run lab -- all`.
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

  it('loses nothing, sells nothing twice, keeps the majority side selling and the cut-off side answering 503, and bounds the remaining count', async () => {
    if (!lab) return;
    const result: ScenarioResult = await runScenario(
      lab,
      { name: 'short', description: 'us-east isolated for 8 s mid-sale', fault: dcIsolated('use1') },
      { capacity: 400, shardCount: 64, customersPerRegion: 3, faultAtMs: 3_000, faultForMs: 8_000, limitMs: 25_000, log: () => undefined },
    );
    console.log(formatResult(result));
    const [eu, us] = [result.regions.find((r) => r.region === 'eu-west')!, result.regions.find((r) => r.region === 'us-east')!];
    expect(result.lost.holdsLost).toBe(0);
    expect(result.lost.ordersLost).toBe(0);
    expect(result.soldTwice).toBe(0);
    expect(result.ticketsSoldInLog).toBe(result.ticketsAcknowledged);
    expect(result.lost.ordersChecked).toBeGreaterThan(20);
    // The majority side sells on (its group has three quarters of the tickets, so it is not sold out
    // meanwhile); the cut-off side has no quorum for the meta cluster and answers 503.
    expect(eu.fault!.keptSelling).toBe(true);
    expect(us.fault!.acksAfterFailover).toBe(0);
    expect(us.fault!.http503).toBeGreaterThan(0);
    expect(result.regions.flatMap((r) => r.bad)).toEqual([]);
    // Every answer of /remaining checked against the logs; unknown groups while cut off are allowed.
    expect(result.bound.answers).toBeGreaterThan(20);
    expect(result.bound.heldWithin['2000ms']).toBe(result.bound.groupChecks);
  }, 60_000);
});
