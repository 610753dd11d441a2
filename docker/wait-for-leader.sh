#!/bin/sh
# Waits until the EventStoreDB cluster's gossip shows a live leader, then exits 0;
# exits 1 if none shows up in time. A node's /health/live only says its process is up:
# a fresh or restarted cluster answers that several seconds before it has elected a
# leader, and an API started in that gap fails its first writes.
#
# Usage: sh docker/wait-for-leader.sh [host:port ...]
#   default members: node1:2111 node2:2112 node3:2113 (the compose network's names)
#   from your machine: sh docker/wait-for-leader.sh localhost:2111 localhost:2112 localhost:2113
# Environment:
#   WAIT_TIMEOUT_S   give up after this many seconds (default 120)
#   WAIT_INTERVAL_S  pause between rounds (default 2)
#   GOSSIP_SCHEME    http (default, insecure cluster) or https
#   CURL_OPTS        extra curl options for a secure cluster, e.g. "--cacert certs/ca/ca.crt"
set -eu

timeout_s=${WAIT_TIMEOUT_S:-120}
interval_s=${WAIT_INTERVAL_S:-2}
scheme=${GOSSIP_SCHEME:-http}
[ "$#" -gt 0 ] || set -- node1:2111 node2:2112 node3:2113

# Gossip is indented JSON whose members hold no nested objects: without blanks and with
# a line break at every '}', each member is one line, and the leader is the line that
# says both "state":"Leader" and "isAlive":true (a dead leader stays listed for a while).
live_leader() {
  # shellcheck disable=SC2086 # CURL_OPTS is a list of options
  curl -fsS --max-time 3 ${CURL_OPTS:-} "$scheme://$1/gossip" 2>/dev/null \
    | tr -d ' \t\r\n' | tr '}' '\n' \
    | grep '"state":"Leader"' | grep '"isAlive":true' | head -n 1
}

endpoint_of() {
  echo "$1" | sed -n 's/.*"httpEndPointIp":"\([^"]*\)".*"httpEndPointPort":\([0-9]*\).*/\1:\2/p'
}

deadline=$(( $(date +%s) + timeout_s ))
while :; do
  for member in "$@"; do
    leader=$(live_leader "$member" || true)
    if [ -n "$leader" ]; then
      echo "EventStoreDB cluster ready: $member reports $(endpoint_of "$leader") as leader"
      exit 0
    fi
  done
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "EventStoreDB cluster not ready: no live leader in the gossip of $* after ${timeout_s}s" >&2
    exit 1
  fi
  sleep "$interval_s"
done
