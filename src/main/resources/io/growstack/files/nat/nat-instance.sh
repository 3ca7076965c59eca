#!/bin/bash
# growstack NAT instance: forward IPv4 from the private subnets and masquerade it behind this
# host's public address. Installs a boot-time unit so the setup survives reboots and stop/start.
set -euo pipefail

install -d -m 0755 /etc/sysctl.d /usr/local/sbin /etc/systemd/system

cat > /etc/sysctl.d/90-growstack-nat.conf <<'CONF'
net.ipv4.ip_forward = 1
net.ipv4.conf.all.send_redirects = 0
CONF

cat > /usr/local/sbin/growstack-nat <<'SCRIPT'
#!/bin/bash
# Applies forwarding and masquerade on the interface that carries the default route.
set -euo pipefail
sysctl -q -w net.ipv4.ip_forward=1
sysctl -q -w net.ipv4.conf.all.send_redirects=0
iface=""
for _ in $(seq 1 60); do
  # The word after "dev", whatever the route's shape (via, nhid, scope link); no early exit
  # from awk, so ip never dies of SIGPIPE under pipefail.
  iface=$(ip -o -4 route show to default \
    | awk '!iface { for (i = 1; i < NF; i++) if ($i == "dev") { iface = $(i + 1); break } } END { print iface }')
  [ -n "$iface" ] && break
  sleep 1
done
if [ -z "$iface" ]; then
  echo "growstack-nat: no IPv4 default route after 60 s" >&2
  exit 1
fi
iptables -t nat -C POSTROUTING -o "$iface" -j MASQUERADE 2>/dev/null \
  || iptables -t nat -A POSTROUTING -o "$iface" -j MASQUERADE
iptables -C FORWARD -j ACCEPT 2>/dev/null || iptables -A FORWARD -j ACCEPT
echo "growstack-nat: forwarding and masquerading via $iface"
SCRIPT
chmod 0755 /usr/local/sbin/growstack-nat

cat > /etc/systemd/system/growstack-nat.service <<'UNIT'
[Unit]
Description=growstack NAT: IPv4 forwarding and masquerade
Wants=network-online.target
After=network-online.target

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/local/sbin/growstack-nat

[Install]
WantedBy=multi-user.target
UNIT

# Amazon Linux 2023 ships without iptables; the NAT host reaches its repository directly.
if ! command -v iptables >/dev/null 2>&1; then
  dnf install -y iptables-nft
fi

systemctl daemon-reload
systemctl enable --now growstack-nat.service
