url="http://127.0.0.1:$PORT$HEALTH_PATH"
deadline=$((SECONDS + DEADLINE_SECONDS))
code=none
while [ "$SECONDS" -lt "$deadline" ]; do
  code=$(curl --silent --output /dev/null --write-out '%{http_code}' --max-time "$PROBE_SECONDS" "$url" || true)
  if [ "$code" = "200" ]; then
    echo "healthy: $url answered 200"
    exit 0
  fi
  sleep 1
done
echo "not healthy within $DEADLINE_SECONDS s: $url last answered $code" >&2
exit 1
