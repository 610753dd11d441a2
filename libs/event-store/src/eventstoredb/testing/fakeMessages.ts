import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Metadata, type ServiceError, type status } from '@grpc/grpc-js';
import { createUUID, parseUUID } from '@eventstore/db-client/dist/utils/grpcUUID';
import { Empty, StreamIdentifier, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb';
import { Status } from '@eventstore/db-client/generated/status_pb';
import { AppendResp, ReadResp, type AppendReq, type BatchAppendReq } from '@eventstore/db-client/generated/streams_pb';

/* The messages the fake nodes answer with, built as the 24.10 server builds them. */

/** A gRPC status the node answers a call with instead of doing it. */
export interface Fault {
  code: status;
  details: string;
  metadata?: Record<string, string>;
}

export interface FakeRecord {
  id: string;
  streamId: string;
  type: string;
  data: unknown;
  revision: bigint;
  position: bigint;
}

/** How BatchAppend answers a write the node would not take (Streams.BatchAppend.cs, ConvertMessage): no code, an Empty as details. */
export function notHandled(message: string): Status {
  const details = new Any();
  details.pack(new Empty().serializeBinary(), 'google.protobuf.Empty');
  return new Status().setMessage(message).setDetails(details);
}

export function batchWrongExpectedVersion(current: bigint | 'no_stream'): Status {
  const wrong = new WrongExpectedVersion().setExpectedAny(new Empty());
  if (current === 'no_stream') wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentStreamRevision(String(current));
  const details = new Any();
  details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
  return new Status().setCode(6).setMessage('WrongExpectedVersion').setDetails(details);
}

export function toServiceError(fault: Fault): Partial<ServiceError> {
  const metadata = new Metadata();
  for (const [key, value] of Object.entries(fault.metadata ?? {})) metadata.set(key, value);
  return { code: fault.code, details: fault.details, metadata };
}

export function toProposed(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): { id: string; type: string; data: unknown } {
  const data = Buffer.from(message.getData_asU8()).toString('utf8');
  return { id: parseUUID(message.getId()!), type: message.getMetadataMap().get('type') ?? '', data: JSON.parse(data) };
}

export function appendSuccess(last: FakeRecord): AppendResp {
  const position = new AppendResp.Position().setCommitPosition(String(last.position)).setPreparePosition(String(last.position));
  return new AppendResp().setSuccess(new AppendResp.Success().setCurrentRevision(String(last.revision)).setPosition(position));
}

export function wrongExpectedVersion(current: bigint | 'no_stream'): AppendResp {
  const wrong = new AppendResp.WrongExpectedVersion();
  if (current === 'no_stream') wrong.setCurrentNoStream(new Empty());
  else wrong.setCurrentRevision(String(current));
  return new AppendResp().setWrongExpectedVersion(wrong.setExpectedAny(new Empty()));
}

export function toReadResp(record: FakeRecord): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(createUUID(record.id))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(record.streamId)))
    .setStreamRevision(String(record.revision))
    .setCommitPosition(String(record.position))
    .setPreparePosition(String(record.position))
    .setData(Buffer.from(JSON.stringify(record.data)));
  const metadata = recorded.getMetadataMap();
  metadata.set('type', record.type);
  metadata.set('content-type', 'application/json');
  metadata.set('created', String(BigInt(Date.now()) * 10_000n));
  return new ReadResp().setEvent(new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(String(record.position)));
}
