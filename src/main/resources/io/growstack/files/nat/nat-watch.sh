
# Cross-zone failover: a watcher beside the NAT (see growstack-nat-watch below).
cat > /usr/local/sbin/growstack-nat-watch <<'SCRIPT'
#!/bin/bash
# growstack NAT watcher: one per zone's NAT. Every NAT_CHECK_SECONDS it
#  1. tests this NAT's own path (forwarding on, masquerade on the static interface, the default
#     route through it, and a TCP connection out to NAT_PROBE_HOST:NAT_PROBE_PORT) and publishes
#     the verdict with the time as the tag growstack:nat-health on its interface: no host can see
#     whether another host forwards, so each one says so itself, and a dead host says nothing;
#  2. reads every zone's verdict and the target of every zone's default route;
#  3. takes over the route of a zone whose NAT was unhealthy or silent NAT_FAILOVER_CHECKS checks
#     in a row, if this NAT is healthy and the first healthy one after that zone (so two peers never
#     race for it) and nobody healthy serves it already;
#  4. takes its own zone's route back only after NAT_FAILBACK_CHECKS healthy checks in a row
#     (hysteresis: a NAT that flaps does not pull traffic back and forth).
set -uo pipefail
# shellcheck source=/dev/null
. /usr/local/sbin/growstack-nat-lib

read -r -a tables <<< "$NAT_ROUTE_TABLES"
read -r -a interfaces <<< "$NAT_INTERFACES"
zones=${#tables[@]}
me=$NAT_ZONE_INDEX
tag=growstack:nat-health
region=$(imds placement/region) || { echo "growstack-nat-watch: no region from the metadata service" >&2; exit 1; }
declare -a unhealthy_checks healthy route
for ((i = 0; i < zones; i++)); do
  unhealthy_checks[i]=0
done
own_healthy_checks=0

self_test() {
  local dev
  [ "$(sysctl -n net.ipv4.ip_forward)" = 1 ] || return 1
  dev=$(nat_device) || return 1
  iptables -t nat -C POSTROUTING -o "$dev" -j MASQUERADE 2>/dev/null || return 1
  # The default route must still leave through the static interface (a network manager restart may
  # drop the route growstack-nat added); 192.0.2.1 is only looked up, never sent to.
  [[ "$(ip -o -4 route get 192.0.2.1)" == *" dev $dev "* ]] || return 1
  # $1 and $2 expand in the child shell, which opens the connection.
  # shellcheck disable=SC2016
  timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2"' probe "$NAT_PROBE_HOST" "$NAT_PROBE_PORT" 2>/dev/null
}

ec2() {
  aws ec2 "$@" --region "$region" --output text
}

zone_of_interface() {
  local i
  for ((i = 0; i < zones; i++)); do
    if [ "${interfaces[i]}" = "$1" ]; then
      echo "$i"
      return 0
    fi
  done
  return 1
}

take_route() {
  if ec2 replace-route --route-table-id "${tables[$1]}" --destination-cidr-block 0.0.0.0/0 \
      --network-interface-id "$NAT_INTERFACE_ID" >/dev/null; then
    echo "growstack-nat-watch: zone $(($1 + 1)) ($2): route ${tables[$1]} now targets $NAT_INTERFACE_ID"
  fi
}

echo "growstack-nat-watch: zone $((me + 1)) of $zones, every $NAT_CHECK_SECONDS s"
while true; do
  now=$(date +%s)
  if self_test; then
    verdict=ok
    own_healthy_checks=$((own_healthy_checks + 1))
  else
    verdict=unhealthy
    own_healthy_checks=0
  fi
  ec2 create-tags --resources "$NAT_INTERFACE_ID" --tags "Key=$tag,Value=$verdict $now" >/dev/null

  for ((i = 0; i < zones; i++)); do
    healthy[i]=no
    route[i]=""
  done
  healthy[me]=$([ "$verdict" = ok ] && echo yes || echo no)
  # A failed read says nothing about the peers: skip the round rather than count them unhealthy.
  if ! verdicts=$(ec2 describe-network-interfaces --network-interface-ids "${interfaces[@]}" \
      --query "NetworkInterfaces[].[NetworkInterfaceId,TagSet[?Key=='$tag']|[0].Value]") \
    || ! targets=$(ec2 describe-route-tables --route-table-ids "${tables[@]}" \
      --query "RouteTables[].[RouteTableId,Routes[?DestinationCidrBlock=='0.0.0.0/0']|[0].NetworkInterfaceId]"); then
    echo "growstack-nat-watch: cannot read the zones' verdicts or routes; skipping this check" >&2
    sleep "$NAT_CHECK_SECONDS"
    continue
  fi
  while IFS=$'\t' read -r id value; do
    i=$(zone_of_interface "$id") || continue
    [ "$i" -eq "$me" ] && continue
    read -r state stamp <<< "$value"
    if [ "$state" = ok ] && [[ "$stamp" =~ ^[0-9]+$ ]] && [ $((now - stamp)) -le $((3 * NAT_CHECK_SECONDS)) ]; then
      healthy[i]=yes
    fi
  done <<< "$verdicts"
  while IFS=$'\t' read -r id target; do
    for ((i = 0; i < zones; i++)); do
      [ "${tables[i]}" = "$id" ] && route[i]=$target
    done
  done <<< "$targets"

  for ((i = 0; i < zones; i++)); do
    if [ "$i" -ne "$me" ]; then
      if [ "${healthy[i]}" = yes ]; then unhealthy_checks[i]=0; else unhealthy_checks[i]=$((unhealthy_checks[i] + 1)); fi
    fi
  done
  [ "$verdict" = ok ] || { sleep "$NAT_CHECK_SECONDS"; continue; }

  if [ "${route[me]}" != "$NAT_INTERFACE_ID" ] && [ "$own_healthy_checks" -ge "$NAT_FAILBACK_CHECKS" ]; then
    take_route "$me" "back to its own NAT after $own_healthy_checks healthy checks"
  fi
  for ((i = 0; i < zones; i++)); do
    [ "$i" -eq "$me" ] && continue
    [ "${unhealthy_checks[i]}" -ge "$NAT_FAILOVER_CHECKS" ] || continue
    [ "${route[i]}" = "$NAT_INTERFACE_ID" ] && continue
    server=$(zone_of_interface "${route[i]}") || server=""
    if [ -n "$server" ] && [ "$server" -ne "$i" ] && [ "${healthy[server]}" = yes ]; then
      continue
    fi
    for ((k = 1; k < zones; k++)); do
      candidate=$(((i + k) % zones))
      [ "${healthy[candidate]}" = yes ] && break
    done
    if [ "$candidate" -eq "$me" ]; then
      take_route "$i" "its NAT unhealthy or silent for ${unhealthy_checks[i]} checks"
    fi
  done
  sleep "$NAT_CHECK_SECONDS"
done
SCRIPT
chmod 0755 /usr/local/sbin/growstack-nat-watch

cat > /etc/systemd/system/growstack-nat-watch.service <<'UNIT'
[Unit]
Description=growstack NAT watcher: cross-zone failover of the private default routes
After=growstack-nat.service

[Service]
ExecStart=/usr/local/sbin/growstack-nat-watch
Restart=always
RestartSec=5

[Install]
WantedBy=multi-user.target
UNIT

systemctl daemon-reload
systemctl enable --now growstack-nat-watch.service
