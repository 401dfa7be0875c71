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
  description = "DigitalOcean region slug of the cluster, the database and the registry, e.g. fra1 or nyc3."

  validation {
    condition     = can(regex("^[a-z]{3}[0-9]$", var.region))
    error_message = "region must be a DigitalOcean region slug such as fra1."
  }
}

variable "domain" {
  type        = string
  description = "Public host name of the app (the chart's ingress host), e.g. todo.example.com."

  validation {
    condition     = can(regex("^([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z]{2,}$", var.domain))
    error_message = "domain must be a lower-case DNS name such as todo.example.com."
  }
}

variable "vpc_cidr" {
  type        = string
  description = "IPv4 range of the environment's VPC (nodes and database)."

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be a CIDR range such as 10.60.0.0/20."
  }
}

variable "kubernetes_version_prefix" {
  type        = string
  description = "DOKS minor version prefix, e.g. \"1.33.\"; the newest patch of that minor is used."

  validation {
    condition     = can(regex("^1\\.[0-9]{2}\\.$", var.kubernetes_version_prefix))
    error_message = "kubernetes_version_prefix must look like 1.33. (with the trailing dot)."
  }
}

variable "ha_control_plane" {
  type        = bool
  description = "Highly available control plane (cannot be turned off once on)."
}

variable "node_size" {
  type        = string
  description = "Droplet size slug of the autoscaling node pool, e.g. s-4vcpu-8gb."
}

variable "node_min" {
  type        = number
  description = "Fewest nodes the pool autoscaler keeps."

  validation {
    condition     = var.node_min >= 1
    error_message = "node_min must be at least 1."
  }
}

variable "node_max" {
  type        = number
  description = "Most nodes the pool autoscaler may add."

  validation {
    condition     = var.node_max >= 1
    error_message = "node_max must be at least 1."
  }
}

variable "db_version" {
  type        = string
  description = "PostgreSQL major version of the managed cluster, e.g. 17."

  validation {
    condition     = can(regex("^1[4-9]$", var.db_version))
    error_message = "db_version must be a PostgreSQL major version, 14 or newer."
  }
}

variable "db_size" {
  type        = string
  description = "Database node size slug, e.g. db-s-1vcpu-2gb."

  validation {
    condition     = startswith(var.db_size, "db-")
    error_message = "db_size must be a database size slug such as db-s-2vcpu-4gb."
  }
}

variable "db_node_count" {
  type        = number
  description = "Database nodes: 1 (primary only) or 2-3 (primary and standbys with automatic failover)."

  validation {
    condition     = var.db_node_count >= 1 && var.db_node_count <= 3
    error_message = "db_node_count must be 1, 2 or 3."
  }
}

variable "db_pool_size" {
  type        = number
  description = "Server connections of the PgBouncer pool the app connects through (below the size's connection limit)."

  validation {
    condition     = var.db_pool_size >= 5
    error_message = "db_pool_size must be at least 5."
  }
}

variable "registry_tier" {
  type        = string
  description = "Container registry subscription tier: starter, basic or professional (one registry per account)."

  validation {
    condition     = contains(["starter", "basic", "professional"], var.registry_tier)
    error_message = "registry_tier must be starter, basic or professional."
  }
}
