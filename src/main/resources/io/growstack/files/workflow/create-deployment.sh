id=$(aws deploy create-deployment --application-name "$APPLICATION" \
  --deployment-group-name "$DEPLOYMENT_GROUP" \
  --s3-location "bucket=$ARTIFACT_BUCKET,key=$BUNDLE_KEY,bundleType=zip" \
  --description "$GITHUB_REPOSITORY@$GITHUB_SHA" \
  --query deploymentId --output text)
echo "id=$id" >> "$GITHUB_OUTPUT"
echo "deployment $id"
