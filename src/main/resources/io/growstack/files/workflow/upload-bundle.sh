key="$ARTIFACT_PREFIX/$GITHUB_SHA.zip"
aws s3 cp bundle.zip "s3://$ARTIFACT_BUCKET/$key"
echo "key=$key" >> "$GITHUB_OUTPUT"
