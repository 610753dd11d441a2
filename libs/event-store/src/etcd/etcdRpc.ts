import * as grpc from '@grpc/grpc-js';
import { fromJSON } from '@grpc/proto-loader';
import { parse } from 'protobufjs';

/**
 * The part of etcd's v3 gRPC API this adapter speaks, declared here instead of pulling
 * in a client library: field numbers follow etcd's published rpc.proto and kv.proto
 * (3.4). Message names do not travel on the wire, so the two mvcc messages live in
 * this package too. Enum values are sent as numbers (see the constants below), so no
 * spelling of an enum name can turn one compare into another.
 */
const PROTO = `
syntax = "proto3";
package etcdserverpb;

service KV {
  rpc Range(RangeRequest) returns (RangeResponse);
  rpc Txn(TxnRequest) returns (TxnResponse);
}
service Watch {
  rpc Watch(stream WatchRequest) returns (stream WatchResponse);
}
service Cluster {
  rpc MemberList(MemberListRequest) returns (MemberListResponse);
}
service Maintenance {
  rpc Alarm(AlarmRequest) returns (AlarmResponse);
  rpc Status(StatusRequest) returns (StatusResponse);
}

message ResponseHeader {
  uint64 cluster_id = 1;
  uint64 member_id = 2;
  int64 revision = 3;
  uint64 raft_term = 4;
}
message KeyValue {
  bytes key = 1;
  int64 create_revision = 2;
  int64 mod_revision = 3;
  int64 version = 4;
  bytes value = 5;
  int64 lease = 6;
}
message Event {
  int32 type = 1;
  KeyValue kv = 2;
  KeyValue prev_kv = 3;
}
message RangeRequest {
  bytes key = 1;
  bytes range_end = 2;
  int64 limit = 3;
  int64 revision = 4;
  int32 sort_order = 5;
  int32 sort_target = 6;
  bool serializable = 7;
  bool keys_only = 8;
  bool count_only = 9;
}
message RangeResponse {
  ResponseHeader header = 1;
  repeated KeyValue kvs = 2;
  bool more = 3;
  int64 count = 4;
}
message PutRequest {
  bytes key = 1;
  bytes value = 2;
}
message PutResponse {
  ResponseHeader header = 1;
}
message RequestOp {
  oneof request {
    RangeRequest request_range = 1;
    PutRequest request_put = 2;
  }
}
message ResponseOp {
  oneof response {
    RangeResponse response_range = 1;
    PutResponse response_put = 2;
  }
}
message Compare {
  int32 result = 1;
  int32 target = 2;
  bytes key = 3;
  oneof target_union {
    int64 version = 4;
    int64 create_revision = 5;
    int64 mod_revision = 6;
    bytes value = 7;
  }
}
message TxnRequest {
  repeated Compare compare = 1;
  repeated RequestOp success = 2;
  repeated RequestOp failure = 3;
}
message TxnResponse {
  ResponseHeader header = 1;
  bool succeeded = 2;
  repeated ResponseOp responses = 3;
}
message WatchRequest {
  oneof request_union {
    WatchCreateRequest create_request = 1;
    WatchCancelRequest cancel_request = 2;
    WatchProgressRequest progress_request = 3;
  }
}
message WatchCreateRequest {
  bytes key = 1;
  bytes range_end = 2;
  int64 start_revision = 3;
  bool progress_notify = 4;
  bool prev_kv = 6;
  int64 watch_id = 7;
  bool fragment = 8;
}
message WatchCancelRequest {
  int64 watch_id = 1;
}
message WatchProgressRequest {
}
message WatchResponse {
  ResponseHeader header = 1;
  int64 watch_id = 2;
  bool created = 3;
  bool canceled = 4;
  int64 compact_revision = 5;
  string cancel_reason = 6;
  bool fragment = 7;
  repeated Event events = 11;
}
message Member {
  uint64 ID = 1;
  string name = 2;
  repeated string peerURLs = 3;
  repeated string clientURLs = 4;
  bool isLearner = 5;
}
message MemberListRequest {
}
message MemberListResponse {
  ResponseHeader header = 1;
  repeated Member members = 2;
}
message AlarmRequest {
  int32 action = 1;
  uint64 memberID = 2;
  int32 alarm = 3;
}
message AlarmMember {
  uint64 memberID = 1;
  int32 alarm = 2;
}
message AlarmResponse {
  ResponseHeader header = 1;
  repeated AlarmMember alarms = 2;
}
message StatusRequest {
}
message StatusResponse {
  ResponseHeader header = 1;
  string version = 2;
  int64 dbSize = 3;
  uint64 leader = 4;
  uint64 raftIndex = 5;
  uint64 raftTerm = 6;
  uint64 raftAppliedIndex = 7;
  repeated string errors = 8;
  int64 dbSizeInUse = 9;
  bool isLearner = 10;
}
`;

export const CompareResult = { EQUAL: 0, GREATER: 1, LESS: 2, NOT_EQUAL: 3 } as const;
export const CompareTarget = { VERSION: 0, CREATE: 1, MOD: 2, VALUE: 3 } as const;
export const AlarmType = { NONE: 0, NOSPACE: 1, CORRUPT: 2 } as const;
export const EventType = { PUT: 0, DELETE: 1 } as const;

// 64-bit integers arrive as decimal strings: member ids use all 64 bits.
export interface ResponseHeader { cluster_id: string; member_id: string; revision: string; raft_term: string }
export interface KeyValue { key: Buffer; create_revision: string; mod_revision: string; version: string; value: Buffer }
export interface RangeRequest {
  key: Buffer;
  range_end?: Buffer;
  limit?: number;
  serializable?: boolean;
  keys_only?: boolean;
  count_only?: boolean;
}
export interface RangeResponse { header: ResponseHeader; kvs: KeyValue[]; more: boolean; count: string }
export interface PutRequest { key: Buffer; value: Buffer }
export type RequestOp = { request_range: RangeRequest } | { request_put: PutRequest };
export interface ResponseOp { response_range?: RangeResponse; response_put?: { header: ResponseHeader } }
export interface Compare {
  result: number;
  target: number;
  key: Buffer;
  version?: number;
  create_revision?: number;
  mod_revision?: number;
  value?: Buffer;
}
export interface TxnRequest { compare: Compare[]; success: RequestOp[]; failure: RequestOp[] }
export interface TxnResponse { header: ResponseHeader; succeeded: boolean; responses: ResponseOp[] }
export interface WatchCreateRequest {
  key: Buffer;
  range_end: Buffer;
  start_revision: number;
  progress_notify?: boolean;
  fragment?: boolean;
}
export type WatchRequest = { create_request: WatchCreateRequest } | { cancel_request: { watch_id: number } } | { progress_request: Record<string, never> };
export interface WatchEvent { type: number; kv: KeyValue }
export interface WatchResponse {
  header: ResponseHeader;
  watch_id: string;
  created: boolean;
  canceled: boolean;
  compact_revision: string;
  cancel_reason: string;
  fragment: boolean;
  events: WatchEvent[];
}
export interface Member { ID: string; name: string; peerURLs: string[]; clientURLs: string[]; isLearner: boolean }
export interface MemberListResponse { header: ResponseHeader; members: Member[] }
export interface AlarmResponse { header: ResponseHeader; alarms: Array<{ memberID: string; alarm: number }> }
export interface StatusResponse { header: ResponseHeader; version: string; dbSize: string; leader: string; raftTerm: string; errors: string[]; isLearner: boolean }

type Unary<Req, Res> = (request: Req, metadata: grpc.Metadata, options: grpc.CallOptions, callback: (error: grpc.ServiceError | null, response?: Res) => void) => grpc.ClientUnaryCall;

export interface KvClient extends grpc.Client {
  Range: Unary<RangeRequest, RangeResponse>;
  Txn: Unary<TxnRequest, TxnResponse>;
}
export interface WatchClient extends grpc.Client {
  Watch(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<WatchRequest, WatchResponse>;
}
export interface ClusterClient extends grpc.Client {
  MemberList: Unary<Record<string, never>, MemberListResponse>;
}
export interface MaintenanceClient extends grpc.Client {
  Alarm: Unary<{ action: number }, AlarmResponse>;
  Status: Unary<Record<string, never>, StatusResponse>;
}

type ClientConstructor<C> = new (address: string, credentials: grpc.ChannelCredentials, options?: grpc.ClientOptions) => C;

export interface EtcdServices {
  KV: ClientConstructor<KvClient>;
  Watch: ClientConstructor<WatchClient>;
  Cluster: ClientConstructor<ClusterClient>;
  Maintenance: ClientConstructor<MaintenanceClient>;
}

let services: EtcdServices | undefined;

/** The generated client constructors, made once per process. */
export function etcdServices(): EtcdServices {
  if (services) return services;
  const root = parse(PROTO, { keepCase: true }).root;
  const definition = fromJSON(root.toJSON(), { keepCase: true, longs: String, enums: Number, defaults: true, oneofs: true });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as { etcdserverpb: EtcdServices };
  services = loaded.etcdserverpb;
  return services;
}
