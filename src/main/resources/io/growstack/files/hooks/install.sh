if ! command -v java >/dev/null 2>&1; then
  dnf install -y "$JAVA_PACKAGE"
fi
if ! id -u "$SERVICE" >/dev/null 2>&1; then
  useradd --system --home-dir "$APP_DIR" --shell /sbin/nologin "$SERVICE"
fi
install -d -o root -g root -m 0755 "$APP_DIR"
install -d -o root -g "$SERVICE" -m 0750 "/etc/$SERVICE"
if [ ! -f "/etc/$SERVICE/environment" ]; then
  install -o root -g "$SERVICE" -m 0640 /dev/null "/etc/$SERVICE/environment"
fi
cat > "/etc/systemd/system/$SERVICE.service" <<UNIT
[Unit]
Description=$SERVICE (deployed by CodeDeploy)
Wants=network-online.target
After=network-online.target

[Service]
User=$SERVICE
WorkingDirectory=$APP_DIR
EnvironmentFile=-/etc/$SERVICE/environment
ExecStart=/usr/bin/java \$JAVA_OPTS -jar $APP_DIR/$JAR --server.port=$APP_PORT --management.server.port=$MANAGEMENT_PORT --management.endpoints.web.exposure.include=health,prometheus
SuccessExitStatus=143
Restart=on-failure
RestartSec=5

[Install]
WantedBy=multi-user.target
UNIT
systemctl daemon-reload
echo "installed the unit of $SERVICE"
