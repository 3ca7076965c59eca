aws autoscaling attach-load-balancer-target-groups --auto-scaling-group-name "$IDLE" \
  --target-group-arns "$TARGET_GROUP"
aws autoscaling update-auto-scaling-group --auto-scaling-group-name "$IDLE" --health-check-type ELB
aws deploy update-deployment-group --application-name "$APPLICATION" \
  --current-deployment-group-name "$DEPLOYMENT_GROUP" --auto-scaling-groups "$IDLE" > /dev/null
aws autoscaling detach-load-balancer-target-groups --auto-scaling-group-name "$SERVING" \
  --target-group-arns "$TARGET_GROUP"
aws autoscaling update-auto-scaling-group --auto-scaling-group-name "$SERVING" \
  --min-size 0 --desired-capacity 0
echo "$IDLE serves now; $SERVING is scaled to zero"
