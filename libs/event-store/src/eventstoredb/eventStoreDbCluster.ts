import { Metadata, type ChannelCredentials } from '@grpc/grpc-js';
import type { EndPoint } from '@eventstore/db-client';
import { GossipClient } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { MemberInfo, type ClusterInfo } from '@eventstore/db-client/generated/gossip_pb';
import { Empty } from '@eventstore/db-client/generated/shared_pb';
import type { StoreDescription, StoreMember } from '../eventStore';

const STATE_NAMES = new Map(Object.entries(MemberInfo.VNodeState).map(([name, value]) => [value, name.toLowerCase()]));

/** States in which a member serves clients; any other is reported as its error. */
const SERVING = new Set([MemberInfo.VNodeState.LEADER, MemberInfo.VNodeState.FOLLOWER, MemberInfo.VNodeState.READONLYREPLICA]);

/**
 * The cluster as the first seed to answer sees it, through the same gossip the client
 * discovers with. Every seed is asked at once, so a dead one costs nothing while another
 * answers. One member's view is enough for a health report: gossip converges within
 * seconds, and during an election the states themselves are the news.
 */
export async function describeCluster(seeds: readonly EndPoint[], credentials: ChannelCredentials, timeoutMs: number): Promise<StoreDescription> {
  const answers = seeds.map((seed) => readGossip(seed, credentials, timeoutMs));
  // The first answer wins; the seeds that fail after it must not surface as unhandled rejections.
  for (const answer of answers) answer.catch(() => undefined);
  try {
    const info = await Promise.any(answers);
    const members = info.getMembersList().map(toStoreMember);
    return { kind: 'eventstoredb', members, leader: members.find((m) => m.leader)?.name };
  } catch {
    const failures = await Promise.allSettled(answers);
    const members = seeds.map((seed, i): StoreMember => {
      const failure = failures[i];
      const error = failure.status === 'rejected' ? describeGossipError(failure.reason) : 'no answer';
      return { name: nameOf(seed), endpoint: nameOf(seed), reachable: false, leader: false, error };
    });
    return { kind: 'eventstoredb', members };
  }
}

function readGossip(seed: EndPoint, credentials: ChannelCredentials, timeoutMs: number): Promise<ClusterInfo> {
  const client = new GossipClient(nameOf(seed), credentials);
  return new Promise<ClusterInfo>((resolve, reject) => {
    client.read(new Empty(), new Metadata(), { deadline: Date.now() + timeoutMs }, (error, info) => {
      client.close();
      if (error || !info) reject(error ?? new Error('empty gossip'));
      else resolve(info);
    });
  });
}

function toStoreMember(member: MemberInfo): StoreMember {
  const endpoint = member.getHttpEndPoint();
  const name = endpoint ? nameOf({ address: endpoint.getAddress(), port: endpoint.getPort() }) : 'unknown';
  const state = member.getState();
  const alive = member.getIsAlive();
  const leader = alive && state === MemberInfo.VNodeState.LEADER;
  const error = !alive ? 'dead in gossip' : SERVING.has(state) ? undefined : `state ${STATE_NAMES.get(state) ?? state}`;
  return { name, endpoint: name, reachable: alive, leader, ...(error ? { error } : {}) };
}

function nameOf(endpoint: EndPoint): string {
  return `${endpoint.address}:${endpoint.port}`;
}

function describeGossipError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
