shopt -s nullglob
jars=()
for jar in @JAR_GLOB*@; do
  case "$jar" in
    *-plain.jar | *-sources.jar | *-javadoc.jar | *-tests.jar) ;;
    *) jars+=("$jar") ;;
  esac
done
if [ "${#jars[@]}" -ne 1 ]; then
  echo "::error::expected exactly one jar matching @JAR_GLOB*@, found ${#jars[@]}: ${jars[*]}"
  exit 1
fi
rm -rf bundle bundle.zip
mkdir bundle
cp -R "$BUNDLE_DIR"/. bundle/
cp "${jars[0]}" bundle/@JAR@
chmod +x bundle/scripts/*.sh
(cd bundle && zip -qr ../bundle.zip .)
