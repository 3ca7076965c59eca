if [ -n "$DEPLOYMENT_ID" ]; then
  status=$(aws deploy get-deployment --deployment-id "$DEPLOYMENT_ID" \
    --query deploymentInfo.status --output text)
  case "$status" in
    Created | Queued | InProgress | Ready | Baking)
      aws deploy stop-deployment --deployment-id "$DEPLOYMENT_ID" --auto-rollback-enabled
      ;;
  esac
fi
aws deploy update-deployment-group --application-name "$APPLICATION" \
  --current-deployment-group-name "$DEPLOYMENT_GROUP" --auto-scaling-groups "$SERVING" > /dev/null
aws autoscaling update-auto-scaling-group --auto-scaling-group-name "$IDLE" \
  --min-size 0 --desired-capacity 0
echo "::warning::the deployment failed: $SERVING keeps serving and $IDLE is back at zero"
