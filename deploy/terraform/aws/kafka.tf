################################################################################
# Kafka: Amazon MSK with TLS between clients and brokers and inside the cluster
# (kafka_mode = msk), or the chart's Strimzi cluster on EKS (kafka_mode = strimzi).
################################################################################

resource "aws_security_group" "kafka" {
  count = var.kafka_mode == "msk" ? 1 : 0

  name        = "${local.name}-kafka"
  description = "MSK TLS listener reachable from the cluster's nodes only"
  vpc_id      = module.vpc.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "kafka_from_nodes" {
  count = var.kafka_mode == "msk" ? 1 : 0

  security_group_id            = aws_security_group.kafka[0].id
  referenced_security_group_id = module.eks.node_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 9094
  to_port                      = 9094
  description                  = "Kafka over TLS from EKS nodes"
}

module "msk" {
  source  = "terraform-aws-modules/msk-kafka-cluster/aws"
  version = "3.3.0"

  create = var.kafka_mode == "msk"

  name                   = local.name
  kafka_version          = var.msk_kafka_version
  number_of_broker_nodes = 3

  broker_node_client_subnets  = module.vpc.private_subnets
  broker_node_instance_type   = var.msk_instance_type
  broker_node_security_groups = aws_security_group.kafka[*].id
  broker_node_storage_info = {
    ebs_storage_info = { volume_size = var.msk_volume_size_gb }
  }

  encryption_in_transit_client_broker = "TLS"
  encryption_in_transit_in_cluster    = true

  configuration_name = local.name
  configuration_server_properties = {
    "auto.create.topics.enable"  = false
    "default.replication.factor" = 3
    "min.insync.replicas"        = 2
  }

  cloudwatch_logs_enabled                = true
  cloudwatch_log_group_retention_in_days = var.log_retention_days
}
