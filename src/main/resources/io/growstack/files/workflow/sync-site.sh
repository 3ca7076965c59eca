aws s3 sync "$SITE_DIRECTORY" "s3://$SITE_BUCKET" --delete
