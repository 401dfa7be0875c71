################################################################################
# RDS PostgreSQL: private subnets, encrypted, TLS only, automated backups and
# point-in-time restore, the master password kept (and rotated) by RDS in
# Secrets Manager: it never passes through Terraform or its state.
################################################################################

locals {
  db_major = split(".", var.db_engine_version)[0]
}

resource "aws_security_group" "database" {
  name        = "${local.name}-database"
  description = "PostgreSQL reachable from the cluster's nodes only"
  vpc_id      = module.vpc.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "database_from_nodes" {
  security_group_id            = aws_security_group.database.id
  referenced_security_group_id = module.eks.node_security_group_id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  description                  = "PostgreSQL from EKS nodes"
}

module "db" {
  source  = "terraform-aws-modules/rds/aws"
  version = "7.2.0"

  identifier = local.name

  engine               = "postgres"
  engine_version       = var.db_engine_version
  family               = "postgres${local.db_major}"
  major_engine_version = local.db_major
  instance_class       = var.db_instance_class

  allocated_storage     = var.db_allocated_storage_gb
  max_allocated_storage = var.db_max_allocated_storage_gb
  storage_type          = "gp3"
  storage_encrypted     = true

  db_name  = "taskstream"
  username = "taskstream"
  port     = 5432

  # RDS generates the password and keeps it in Secrets Manager (rotated); External Secrets hands it to the pods.
  manage_master_user_password = true

  multi_az               = var.db_multi_az
  db_subnet_group_name   = module.vpc.database_subnet_group_name
  vpc_security_group_ids = [aws_security_group.database.id]
  publicly_accessible    = false

  # Automated backups: daily snapshots plus transaction logs, so any second of the retention window can be restored
  # (point-in-time restore). A final snapshot is kept when the instance is deleted.
  backup_retention_period   = var.db_backup_retention_days
  backup_window             = "02:00-03:00"
  maintenance_window        = "sun:03:30-sun:04:30"
  copy_tags_to_snapshot     = true
  skip_final_snapshot       = false
  delete_automated_backups  = false
  deletion_protection       = var.db_deletion_protection
  auto_minor_version_upgrade = true

  performance_insights_enabled          = true
  performance_insights_retention_period = 7
  create_monitoring_role                = true
  monitoring_interval                   = 60

  enabled_cloudwatch_logs_exports        = ["postgresql", "upgrade"]
  create_cloudwatch_log_group            = true
  cloudwatch_log_group_retention_in_days = var.log_retention_days

  parameters = [
    # Connections without TLS are refused.
    { name = "rds.force_ssl", value = "1" },
    { name = "log_min_duration_statement", value = "500" },
  ]
}
