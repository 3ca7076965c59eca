systemctl enable "$SERVICE"
systemctl restart "$SERVICE"
echo "started $SERVICE"
