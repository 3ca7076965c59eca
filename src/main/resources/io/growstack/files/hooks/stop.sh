if systemctl is-active --quiet "$SERVICE"; then
  systemctl stop "$SERVICE"
  echo "stopped $SERVICE"
else
  echo "$SERVICE is not running"
fi
