serving=$(aws autoscaling describe-auto-scaling-groups \
  --auto-scaling-group-names "$BLUE_GROUP" "$GREEN_GROUP" \
  --query 'AutoScalingGroups[?TargetGroupARNs[0]].AutoScalingGroupName' --output text)
case "$serving" in
  "$BLUE_GROUP") idle="$GREEN_GROUP" ;;
  "$GREEN_GROUP") idle="$BLUE_GROUP" ;;
  *)
    echo "::error::expected exactly one of $BLUE_GROUP and $GREEN_GROUP attached to the target group, found '$serving'"
    exit 1
    ;;
esac
read -r desired minimum target_group < <(aws autoscaling describe-auto-scaling-groups \
  --auto-scaling-group-names "$serving" \
  --query 'AutoScalingGroups[0].[DesiredCapacity, MinSize, TargetGroupARNs[0]]' --output text)
capacity=$((desired > 0 ? desired : 1))
minimum=$((minimum > 0 ? minimum : 1))
{
  echo "serving=$serving"
  echo "idle=$idle"
  echo "capacity=$capacity"
  echo "min_size=$minimum"
  echo "target_group=$target_group"
} >> "$GITHUB_OUTPUT"
echo "$serving serves; deploying to $idle with $capacity instances"
