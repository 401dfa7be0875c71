variable "environment" {
  type        = string
  description = "Environment name (staging or production): part of every resource name and of the generated values-<environment>.yaml."

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "region" {
  type        = string
  description = "AWS region of the VPC, the cluster and the database, e.g. eu-west-1."

  validation {
    condition     = can(regex("^[a-z]{2}(-gov)?-[a-z]+-[0-9]$", var.region))
    error_message = "region must be an AWS region code such as eu-west-1."
  }
}

variable "domain" {
  type        = string
  description = "Public host name of the app (the ingress host, the certificates' name and CloudFront's alias), e.g. todo.example.com."

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be a lower-case DNS name such as todo.example.com."
  }
}

variable "route53_zone_id" {
  type        = string
  description = "Route 53 hosted zone that holds var.domain: the certificates are validated by DNS records in it."
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 range of the VPC, a /16 (split into public, private and database subnets in three zones)."

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && endswith(var.vpc_cidr, "/16")
    error_message = "vpc_cidr must be a /16 range such as 10.40.0.0/16."
  }
}

variable "single_nat_gateway" {
  type        = bool
  description = "One NAT gateway for the whole VPC (cheaper, one zone's outage cuts egress) instead of one per zone."
}

variable "kubernetes_version" {
  type        = string
  description = "EKS Kubernetes minor version, e.g. 1.33 (upgrade one minor at a time)."

  validation {
    condition     = can(regex("^1\\.[0-9]{2}$", var.kubernetes_version))
    error_message = "kubernetes_version must be a minor version such as 1.33."
  }
}

variable "cluster_endpoint_public_access_cidrs" {
  type        = list(string)
  description = "Ranges allowed to reach the public Kubernetes API endpoint (operators' and the deploy pipeline's addresses)."

  validation {
    condition     = length(var.cluster_endpoint_public_access_cidrs) > 0 && alltrue([for c in var.cluster_endpoint_public_access_cidrs : can(cidrhost(c, 0))])
    error_message = "cluster_endpoint_public_access_cidrs must list at least one CIDR range."
  }
}

variable "node_instance_types" {
  type        = list(string)
  description = "EC2 instance types of the managed node group (the first is preferred)."

  validation {
    condition     = length(var.node_instance_types) > 0
    error_message = "node_instance_types must name at least one instance type."
  }
}

variable "node_capacity_type" {
  type        = string
  description = "ON_DEMAND or SPOT capacity for the managed node group."

  validation {
    condition     = contains(["ON_DEMAND", "SPOT"], var.node_capacity_type)
    error_message = "node_capacity_type must be ON_DEMAND or SPOT."
  }
}

variable "node_min_size" {
  type        = number
  description = "Fewest nodes the cluster autoscaler keeps (at least one per zone in production)."

  validation {
    condition     = var.node_min_size >= 1
    error_message = "node_min_size must be at least 1."
  }
}

variable "node_max_size" {
  type        = number
  description = "Most nodes the cluster autoscaler may add."

  validation {
    condition     = var.node_max_size >= 1
    error_message = "node_max_size must be at least 1."
  }
}

variable "db_engine_version" {
  type        = string
  description = "RDS PostgreSQL engine version, major or major.minor (e.g. 17 or 17.6); the parameter group family follows the major."

  validation {
    condition     = can(regex("^1[4-9](\\.[0-9]+)?$", var.db_engine_version))
    error_message = "db_engine_version must be a PostgreSQL major (14 or newer), optionally with a minor, e.g. 17 or 17.6."
  }
}

variable "db_instance_class" {
  type        = string
  description = "RDS instance class, e.g. db.t4g.medium or db.m7g.large."

  validation {
    condition     = startswith(var.db_instance_class, "db.")
    error_message = "db_instance_class must be an RDS class such as db.t4g.medium."
  }
}

variable "db_allocated_storage_gb" {
  type        = number
  description = "Initial gp3 storage of the database, in GiB (storage autoscaling may grow it to db_max_allocated_storage_gb)."

  validation {
    condition     = var.db_allocated_storage_gb >= 20
    error_message = "db_allocated_storage_gb must be at least 20 (the gp3 minimum)."
  }
}

variable "db_max_allocated_storage_gb" {
  type        = number
  description = "Ceiling of RDS storage autoscaling, in GiB."
}

variable "db_multi_az" {
  type        = bool
  description = "Run a synchronous standby in another zone (automatic failover); doubles the instance price."
}

variable "db_backup_retention_days" {
  type        = number
  description = "Days of automated backups kept; point-in-time restore reaches back this far."

  validation {
    condition     = var.db_backup_retention_days >= 7 && var.db_backup_retention_days <= 35
    error_message = "db_backup_retention_days must be between 7 and 35."
  }
}

variable "db_deletion_protection" {
  type        = bool
  description = "Refuse to delete the database (turn off deliberately, in its own apply, before a teardown)."

  validation {
    condition     = var.db_deletion_protection
    error_message = "db_deletion_protection stays true here; a teardown turns it off in its own reviewed change."
  }
}

variable "kafka_mode" {
  type        = string
  description = "Where Kafka runs: msk (Amazon MSK, TLS between clients and brokers) or strimzi (the chart's Strimzi cluster on EKS)."

  validation {
    condition     = contains(["msk", "strimzi"], var.kafka_mode)
    error_message = "kafka_mode must be msk or strimzi."
  }
}

variable "msk_kafka_version" {
  type        = string
  description = "Kafka version of the MSK cluster (kafka_mode = msk), e.g. 3.9.x."
}

variable "msk_instance_type" {
  type        = string
  description = "MSK broker instance type, e.g. kafka.t3.small or kafka.m7g.large."

  validation {
    condition     = startswith(var.msk_instance_type, "kafka.")
    error_message = "msk_instance_type must be an MSK broker type such as kafka.m7g.large."
  }
}

variable "msk_volume_size_gb" {
  type        = number
  description = "EBS volume per MSK broker, in GiB."
}

variable "auth_rate_limit" {
  type        = number
  description = "Requests to /api/auth/* one client address may make in 5 minutes before the web ACL blocks it."

  validation {
    condition     = var.auth_rate_limit >= 10 && var.auth_rate_limit <= 2000
    error_message = "auth_rate_limit must be between 10 and 2000 requests per 5 minutes."
  }
}

variable "alb_dns_name" {
  type        = string
  description = "DNS name of the load balancer the ingress made (kubectl get ingress); empty until the chart is installed, and CloudFront is created once it is set."
  default     = ""
}

variable "log_retention_days" {
  type        = number
  description = "Days CloudWatch keeps the cluster's, the database's and the app's log groups."

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a retention CloudWatch accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, …)."
  }
}

variable "image_repository" {
  type        = string
  description = "Image repository the delivery pipeline pushes the app to (image.repository of the chart)."
}
