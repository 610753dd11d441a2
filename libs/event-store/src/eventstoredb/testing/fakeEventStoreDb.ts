import { randomUUID } from 'node:crypto';
import { Metadata, Server, ServerCredentials, status, type sendUnaryData, type ServerDuplexStream, type ServerReadableStream, type ServerUnaryCall, type ServerWritableStream } from '@grpc/grpc-js';
import { createUUID, parseUUID } from '@eventstore/db-client/dist/utils/grpcUUID';
import { GossipService } from '@eventstore/db-client/generated/gossip_grpc_pb';
import { ClusterInfo, EndPoint, MemberInfo } from '@eventstore/db-client/generated/gossip_pb';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb';
import { AllStreamPosition, Empty, StreamIdentifier } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb';
import { AppendReq, AppendResp, BatchAppendReq, BatchAppendResp, ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { appendSuccess, batchWrongExpectedVersion, notHandled, toProposed, toReadResp, toServiceError, wrongExpectedVersion, type Fault, type FakeRecord } from './fakeMessages';

/*
 * A stand-in for EventStoreDB 24.10 nodes on 127.0.0.1, speaking the real gRPC protocol
 * (the client's own generated service definitions), so specs drive the real client.
 * It answers the way the server's sources say it does, for the few calls the adapter
 * makes: gossip, server features, Append, BatchAppend and Read.
 */

export const NodeState = MemberInfo.VNodeState;

export interface FakeCall {
  method: 'append' | 'batchAppend' | 'read' | 'subscribe' | 'features' | 'gossip';
  requiresLeader: boolean;
  target?: string;
}

/** The replicated log every node of the fake cluster serves. Positions are byte-like: increasing, not contiguous. */
export class FakeLog {
  readonly records: FakeRecord[] = [];
  private nextPosition = 1_000n;

  append(streamId: string, events: Array<{ id: string; type: string; data: unknown }>, expected: bigint | 'any' | 'no_stream' | 'stream_exists'): FakeRecord[] | { current: bigint | 'no_stream' } {
    const current = this.revisionOf(streamId);
    const ok = expected === 'any' || (expected === 'no_stream' ? current === 'no_stream' : expected === 'stream_exists' ? current !== 'no_stream' : current === expected);
    if (!ok) return { current };
    let revision = current === 'no_stream' ? 0n : current + 1n;
    return events.map((event) => this.push({ ...event, streamId, revision: revision++ }));
  }

  /** What the server itself writes ($-prefixed), which the adapter must skip. */
  appendSystem(type = '$statsCollected'): FakeRecord {
    return this.push({ id: randomUUID(), streamId: '$stats-127.0.0.1:2113', type, data: {}, revision: 0n });
  }

  revisionOf(streamId: string): bigint | 'no_stream' {
    const last = this.records.filter((r) => r.streamId === streamId).at(-1);
    return last ? last.revision : 'no_stream';
  }

  private push(record: Omit<FakeRecord, 'position'>): FakeRecord {
    const full = { ...record, position: this.nextPosition };
    this.nextPosition += 317n;
    this.records.push(full);
    return full;
  }
}

export class FakeNode {
  state: MemberInfo.VNodeState = NodeState.FOLLOWER;
  readonly calls: FakeCall[] = [];
  /** Served in order, one per call, before the node does any work. */
  readonly faults = { append: [] as Fault[], read: [] as Fault[], features: [] as Fault[], batchAppend: [] as Status[] };
  /** How long an append waits before it is answered. */
  appendDelayMs = 0;
  private server: Server | undefined;

  constructor(
    readonly cluster: FakeCluster,
    public port: number,
  ) {}

  get endpoint(): string {
    return `127.0.0.1:${this.port}`;
  }

  static async start(cluster: FakeCluster, port = 0): Promise<FakeNode> {
    const node = new FakeNode(cluster, port);
    return node.listen();
  }

  async listen(): Promise<this> {
    const server = new Server();
    server.addService(GossipService, { read: (call: ServerUnaryCall<Empty, ClusterInfo>, done: sendUnaryData<ClusterInfo>) => this.gossip(call, done) });
    server.addService(ServerFeaturesService, { getSupportedMethods: (call: ServerUnaryCall<Empty, SupportedMethods>, done: sendUnaryData<SupportedMethods>) => this.features(call, done) });
    server.addService(StreamsService, {
      append: (call: ServerReadableStream<AppendReq, AppendResp>, done: sendUnaryData<AppendResp>) => this.append(call, done),
      batchAppend: (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>) => this.batchAppend(call),
      read: (call: ServerWritableStream<ReadReq, ReadResp>) => this.read(call),
      delete: (_: unknown, done: sendUnaryData<never>) => done({ code: status.UNIMPLEMENTED }),
      tombstone: (_: unknown, done: sendUnaryData<never>) => done({ code: status.UNIMPLEMENTED }),
    });
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync(`127.0.0.1:${this.port}`, ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    this.port = port;
    this.server = server;
    return this;
  }

  /** Like a killed process: open calls end and new connections are refused. */
  stop(): void {
    this.server?.forceShutdown();
    this.server = undefined;
  }

  private record(call: { metadata: Metadata }, method: FakeCall['method'], target?: string): boolean {
    const requiresLeader = call.metadata.get('requires-leader')[0] === 'true';
    this.calls.push({ method, requiresLeader, target });
    return requiresLeader;
  }

  private gossip(call: ServerUnaryCall<Empty, ClusterInfo>, done: sendUnaryData<ClusterInfo>): void {
    this.record(call, 'gossip');
    done(null, this.cluster.gossip());
  }

  private features(call: ServerUnaryCall<Empty, SupportedMethods>, done: sendUnaryData<SupportedMethods>): void {
    this.record(call, 'features');
    const fault = this.faults.features.shift();
    if (fault) return done(toServiceError(fault));
    const batchAppend = new SupportedMethod().setServiceName('event_store.client.streams.streams').setMethodName('batchappend');
    done(null, new SupportedMethods().setMethodsList([batchAppend]).setEventStoreServerVersion('24.10.4'));
  }

  /** As Streams.Append.cs: options first, then the events; refused with NotLeader or NoLeaderInfo off the leader. */
  private append(call: ServerReadableStream<AppendReq, AppendResp>, done: sendUnaryData<AppendResp>): void {
    const messages: AppendReq[] = [];
    call.on('data', (message: AppendReq) => messages.push(message));
    call.on('end', () => {
      const options = messages[0]?.getOptions();
      const streamId = Buffer.from(options?.getStreamIdentifier()?.getStreamName_asU8() ?? []).toString('utf8');
      const requiresLeader = this.record(call, 'append', streamId);
      const answer = (): void => {
        const refusal = this.faults.append.shift() ?? this.leaderRefusal(requiresLeader);
        if (refusal) return done(toServiceError(refusal));
        const expected = options!.hasRevision() ? BigInt(options!.getRevision()) : options!.hasNoStream() ? 'no_stream' : options!.hasStreamExists() ? 'stream_exists' : 'any';
        const events = messages.slice(1).map((m) => toProposed(m.getProposedMessage()!));
        const outcome = this.cluster.log.append(streamId, events, expected);
        done(null, Array.isArray(outcome) ? appendSuccess(outcome.at(-1)!) : wrongExpectedVersion(outcome.current));
      };
      if (this.appendDelayMs > 0) setTimeout(answer, this.appendDelayMs);
      else answer();
    });
  }

  /** As Streams.BatchAppend.cs: one stream, answers by correlation id, errors as google.rpc.Status. */
  private batchAppend(call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void {
    const requiresLeader = this.record(call, 'batchAppend');
    const pending = new Map<string, { streamId: string; expected: bigint | 'any' | 'no_stream' | 'stream_exists'; events: FakeRecord[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const id = parseUUID(request.getCorrelationId()!);
      const options = request.getOptions();
      if (options) {
        const streamId = Buffer.from(options.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
        const expected = options.hasStreamPosition() ? BigInt(options.getStreamPosition()) : options.hasNoStream() ? 'no_stream' : options.hasStreamExists() ? 'stream_exists' : 'any';
        pending.set(id, { streamId, expected, events: [] });
      }
      const append = pending.get(id)!;
      append.events.push(...request.getProposedMessagesList().map((m) => ({ ...toProposed(m), streamId: append.streamId, revision: 0n, position: 0n })));
      if (!request.getIsFinal()) return;
      pending.delete(id);
      const reply = new BatchAppendResp().setCorrelationId(request.getCorrelationId()).setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(append.streamId)));
      const error = this.faults.batchAppend.shift();
      if (error) return void call.write(reply.setError(error));
      const refusal = this.leaderRefusal(requiresLeader);
      if (refusal) return void call.write(reply.setError(notHandled(refusal.details)));
      const outcome = this.cluster.log.append(append.streamId, append.events, append.expected);
      if (!Array.isArray(outcome)) return void call.write(reply.setError(batchWrongExpectedVersion(outcome.current)));
      const last = outcome.at(-1)!;
      const position = new AllStreamPosition().setCommitPosition(String(last.position)).setPreparePosition(String(last.position));
      call.write(reply.setSuccess(new BatchAppendResp.Success().setCurrentRevision(String(last.revision)).setPosition(position)));
    });
    call.on('end', () => call.end());
  }

  private read(call: ServerWritableStream<ReadReq, ReadResp>): void {
    const options = call.request.getOptions()!;
    const subscription = options.hasSubscription();
    const target = options.hasAll() ? '$all' : Buffer.from(options.getStream()!.getStreamIdentifier()!.getStreamName_asU8()).toString('utf8');
    const requiresLeader = this.record(call, subscription ? 'subscribe' : 'read', target);
    const fault = this.faults.read.shift() ?? this.leaderRefusal(requiresLeader);
    if (fault) return void call.emit('error', toServiceError(fault));
    if (subscription) {
      call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
      for (const record of this.readAll(options, true)) call.write(toReadResp(record));
      call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
      return; // stays open, like a live subscription, until the client cancels it
    }
    const records = options.hasAll() ? this.readAll(options, false) : this.readStream(options, target);
    if (records === undefined) {
      call.write(new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(target)))));
    } else {
      for (const record of records) call.write(toReadResp(record));
    }
    call.end();
  }

  /** Forwards from a position includes the record at it; backwards from one excludes it, as the server does. */
  private readAll(options: ReadReq.Options, subscription: boolean): FakeRecord[] {
    const all = this.cluster.log.records;
    const count = options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER;
    const from = options.getAll()!;
    const position = from.hasPosition() ? BigInt(from.getPosition()!.getCommitPosition()) : undefined;
    if (options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS) {
      const before = all.filter((r) => position === undefined || r.position < position);
      return before.reverse().slice(0, count);
    }
    const after = all.filter((r) => position === undefined || (subscription ? r.position > position : r.position >= position));
    return after.slice(0, count);
  }

  private readStream(options: ReadReq.Options, streamId: string): FakeRecord[] | undefined {
    const records = this.cluster.log.records.filter((r) => r.streamId === streamId);
    if (records.length === 0) return undefined;
    const stream = options.getStream()!;
    const count = options.hasCount() ? Number(options.getCount()) : Number.MAX_SAFE_INTEGER;
    if (options.getReadDirection() === ReadReq.Options.ReadDirection.BACKWARDS) {
      const from = stream.hasRevision() ? BigInt(stream.getRevision()) : undefined;
      return records.filter((r) => from === undefined || r.revision <= from).reverse().slice(0, count);
    }
    const from = stream.hasRevision() ? BigInt(stream.getRevision()) : 0n;
    return records.filter((r) => r.revision >= from).slice(0, count);
  }

  /** Off the leader a call that requires it is refused: with the leader's address, or without when there is none (RpcExceptions.cs). */
  private leaderRefusal(requiresLeader: boolean): Fault | undefined {
    if (!requiresLeader || this.state === NodeState.LEADER) return undefined;
    const leader = this.cluster.nodes.find((n) => n.state === NodeState.LEADER);
    if (!leader) return { code: status.UNKNOWN, details: 'No leader info available in response' };
    return {
      code: status.NOT_FOUND,
      details: 'Leader info available',
      metadata: { exception: 'not-leader', 'leader-endpoint-host': '127.0.0.1', 'leader-endpoint-port': String(leader.port) },
    };
  }
}

export class FakeCluster {
  readonly log = new FakeLog();
  readonly nodes: FakeNode[] = [];

  static async start(size: number): Promise<FakeCluster> {
    const cluster = new FakeCluster();
    for (let i = 0; i < size; i++) cluster.nodes.push(await FakeNode.start(cluster));
    cluster.elect(cluster.nodes[0]);
    return cluster;
  }

  /** The cluster string the adapter is meant to get: every node, leader preferred. */
  connectionString(extra = ''): string {
    return `esdb://${this.nodes.map((n) => n.endpoint).join(',')}?tls=false&nodePreference=leader${extra}`;
  }

  get leader(): FakeNode | undefined {
    return this.nodes.find((n) => n.state === NodeState.LEADER);
  }

  elect(leader: FakeNode): void {
    for (const node of this.nodes) node.state = node === leader ? NodeState.LEADER : NodeState.FOLLOWER;
  }

  /** Between losing a leader and electing the next, every member is in a state no client may use. */
  startElection(): void {
    for (const node of this.nodes) node.state = NodeState.UNKNOWN;
  }

  gossip(): ClusterInfo {
    return new ClusterInfo().setMembersList(
      this.nodes.map((node) =>
        new MemberInfo()
          .setInstanceId(createUUID(randomUUID()))
          .setTimeStamp(String(Date.now()))
          .setState(node.state)
          .setIsAlive(node.state !== NodeState.SHUTDOWN)
          .setHttpEndPoint(new EndPoint().setAddress('127.0.0.1').setPort(node.port)),
      ),
    );
  }

  stop(): void {
    for (const node of this.nodes) node.stop();
  }
}

export { notHandled, type Fault, type FakeRecord } from './fakeMessages';
