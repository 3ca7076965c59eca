aws deploy wait deployment-successful --deployment-id "$DEPLOYMENT_ID"
echo "deployment $DEPLOYMENT_ID succeeded"
