aws autoscaling update-auto-scaling-group --auto-scaling-group-name "$GROUP" --health-check-type ELB
echo "$GROUP uses the load balancer's health checks"
