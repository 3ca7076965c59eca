#!/bin/bash
# growstack self-healing NAT instance. The network owns one static interface (source/dest check off,
# Elastic IP, target of the private default routes); an Auto Scaling group of one runs this host.
# At every boot this host attaches that interface, moves its default route onto it and forwards and
# masquerades through it, so a replacement host takes over the same routes and address.
set -euo pipefail

install -d -m 0755 /usr/local/etc /etc/sysctl.d /usr/local/sbin /etc/systemd/system
# growstack:config

cat > /etc/sysctl.d/90-growstack-nat.conf <<'CONF'
net.ipv4.ip_forward = 1
net.ipv4.conf.all.send_redirects = 0
CONF

cat > /usr/local/sbin/growstack-nat-lib <<'SCRIPT'
# Shared by the growstack NAT scripts: settings, the instance metadata service, the interface.
# shellcheck source=/dev/null
. /usr/local/etc/growstack-nat.conf

# One IMDSv2 read (the launch template requires session tokens).
imds() {
  local token
  token=$(curl -sSf -m 2 -X PUT -H "X-aws-ec2-metadata-token-ttl-seconds: 60" \
    http://169.254.169.254/latest/api/token)
  curl -sSf -m 2 -H "X-aws-ec2-metadata-token: $token" "http://169.254.169.254/latest/meta-data/$1"
}

# The device name of the static interface on this host, found by its MAC address; fails if absent.
nat_device() {
  local dev
  for dev in /sys/class/net/*; do
    if [ "$(cat "$dev/address" 2>/dev/null)" = "$NAT_INTERFACE_MAC" ]; then
      basename "$dev"
      return 0
    fi
  done
  return 1
}
SCRIPT

cat > /usr/local/sbin/growstack-nat <<'SCRIPT'
#!/bin/bash
# Attaches the static NAT interface to this instance, routes this host's traffic through it, and
# forwards and masquerades through it. Safe to rerun.
set -euo pipefail
# shellcheck source=/dev/null
. /usr/local/sbin/growstack-nat-lib

sysctl -q -w net.ipv4.ip_forward=1
sysctl -q -w net.ipv4.conf.all.send_redirects=0

if ! nat_device >/dev/null; then
  instance=$(imds instance-id)
  region=$(imds placement/region)
  # A replaced host keeps the interface until EC2 has terminated it, so retry for ten minutes.
  attached=""
  for _ in $(seq 1 120); do
    if aws ec2 attach-network-interface --region "$region" --network-interface-id "$NAT_INTERFACE_ID" \
        --instance-id "$instance" --device-index 1 >/dev/null; then
      attached=yes
      break
    fi
    sleep 5
  done
  if [ -z "$attached" ]; then
    echo "growstack-nat: could not attach $NAT_INTERFACE_ID to $instance" >&2
    exit 1
  fi
fi

# The operating system configures the new device (DHCP); wait for its address.
dev=""
address=""
for _ in $(seq 1 120); do
  dev=$(nat_device || true)
  if [ -n "$dev" ]; then
    address=$(ip -o -4 addr show dev "$dev" | awk '!a { split($4, p, "/"); a = p[1] } END { print a }')
    [ -n "$address" ] && break
  fi
  sleep 0.5
done
if [ -z "$address" ]; then
  echo "growstack-nat: interface $NAT_INTERFACE_ID ($NAT_INTERFACE_MAC) has no IPv4 address after 60 s" >&2
  exit 1
fi

# Both interfaces sit in the same public subnet: keep the gateway, prefer the static interface.
gateway=$(ip -o -4 route show to default \
  | awk '!gw { for (i = 1; i < NF; i++) if ($i == "via") { gw = $(i + 1); break } } END { print gw }')
if [ -z "$gateway" ]; then
  echo "growstack-nat: no IPv4 default gateway" >&2
  exit 1
fi
ip route replace default via "$gateway" dev "$dev" metric 0

iptables -t nat -C POSTROUTING -o "$dev" -j MASQUERADE 2>/dev/null \
  || iptables -t nat -A POSTROUTING -o "$dev" -j MASQUERADE
iptables -C FORWARD -j ACCEPT 2>/dev/null || iptables -A FORWARD -j ACCEPT
echo "growstack-nat: forwarding and masquerading via $dev ($NAT_INTERFACE_ID, $address)"
SCRIPT
chmod 0755 /usr/local/sbin/growstack-nat

cat > /etc/systemd/system/growstack-nat.service <<'UNIT'
[Unit]
Description=growstack NAT: attach the static interface, IPv4 forwarding and masquerade
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/local/sbin/growstack-nat

[Install]
WantedBy=multi-user.target
UNIT

# Amazon Linux 2023 ships without iptables; this host's own boot-time address reaches the repository.
if ! command -v iptables >/dev/null 2>&1; then
  dnf install -y iptables-nft
fi

systemctl daemon-reload
systemctl enable --now growstack-nat.service
