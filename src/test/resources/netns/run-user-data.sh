#!/bin/bash
# Runs a NAT instance user-data script in the current network namespace without changing the
# host's files. Meant to be started as
#
#   ip netns exec NS unshare --mount --propagation private bash run-user-data.sh USER_DATA SHIMS
#
# Network namespaces do not isolate files, so this gives every folder the user data writes a fresh
# tmpfs in a private mount namespace (nothing mounted here propagates to the host), and puts the
# shims (systemctl, dnf) first on PATH; an `aws` shim, if given, goes to /usr/local/bin, where the
# clean environment of the units (see shims/systemctl) finds it. The network state the script sets (sysctls, iptables rules)
# belongs to the network namespace and outlives this mount namespace, which is what the test wants.
# After the script it prints the files the script wrote, between "--- wrote" markers.
set -euo pipefail

user_data=$1
shims=$2

if [ "$(findmnt -n -o PROPAGATION /)" != private ]; then
  echo "run-user-data: / is not a private mount; run me under unshare --mount --propagation private" >&2
  exit 90
fi

# Folders the user data writes (keep in step with nat-instance.sh and nat-interface.sh), and
# /usr/local/bin for the aws shim.
folders=(/etc/sysctl.d /usr/local/sbin /etc/systemd/system /usr/local/etc /usr/local/bin)
for dir in "${folders[@]}"; do
  target=$dir
  # A missing folder gets its tmpfs one level up, unless that would hide a top-level folder.
  if [ ! -d "$target" ]; then
    target=$(dirname "$target")
    if [ ! -d "$target" ] || [ "$(dirname "$target")" = / ]; then
      echo "run-user-data: $dir is missing and $target cannot be covered safely" >&2
      exit 90
    fi
  fi
  if ! mountpoint -q "$target" || [ "$(findmnt -n -o SOURCE "$target")" != growstack-test ]; then
    mount -t tmpfs -o mode=0755,size=16m growstack-test "$target"
  fi
done

if [ -f "$shims/aws" ]; then
  install -m 0755 "$shims/aws" /usr/local/bin/aws
fi
export PATH="$shims:$PATH"
chmod 0755 "$user_data"
"$user_data"

echo "--- wrote"
for dir in /etc/sysctl.d /usr/local/sbin /etc/systemd/system /usr/local/etc; do
  find "$dir" -type f 2>/dev/null | sort | while read -r file; do
    echo "=== $file"
    cat "$file"
  done
done
echo "--- wrote"
