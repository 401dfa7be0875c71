################################################################################
# CloudWatch log groups with retention. The cluster's control-plane logs, the
# database's logs, MSK's broker logs and the VPC flow logs get theirs from their
# modules (log_retention_days); the app's container logs land here when a node
# collector ships them (deploy/monitoring/README.md "Logs").
################################################################################

resource "aws_cloudwatch_log_group" "application" {
  name              = "/taskstream/${var.environment}/application"
  retention_in_days = var.log_retention_days
}

resource "aws_cloudwatch_log_group" "waf" {
  provider = aws.us_east_1

  # WAF requires the aws-waf-logs- prefix.
  name              = "aws-waf-logs-${local.name}"
  retention_in_days = var.log_retention_days
}

resource "aws_wafv2_web_acl_logging_configuration" "edge" {
  provider = aws.us_east_1

  resource_arn            = aws_wafv2_web_acl.edge.arn
  log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
}
