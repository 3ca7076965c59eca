aws deploy update-deployment-group --application-name "$APPLICATION" \
  --current-deployment-group-name "$DEPLOYMENT_GROUP" --auto-scaling-groups "$SERVING" > /dev/null
aws autoscaling update-auto-scaling-group --auto-scaling-group-name "$IDLE" \
  --min-size "$MIN_SIZE" --desired-capacity "$CAPACITY"
for _ in $(seq 1 60); do
  in_service=$(aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names "$IDLE" \
    --query "length(AutoScalingGroups[0].Instances[?LifecycleState=='InService'])" --output text)
  if [ "$in_service" -ge "$CAPACITY" ]; then
    echo "$IDLE has $in_service instances in service"
    exit 0
  fi
  sleep 10
done
echo "::error::$IDLE did not reach $CAPACITY instances in service within 10 minutes"
exit 1
