locals {
  name = "taskstream-${var.environment}"
  tags = ["taskstream", var.environment]

  namespace          = "taskstream-${var.environment}"
  database_secret    = "taskstream-database"
  application_secret = "taskstream-secrets"
}

resource "digitalocean_vpc" "this" {
  name     = local.name
  region   = var.region
  ip_range = var.vpc_cidr
}

################################################################################
# DOKS with an autoscaling node pool
################################################################################

data "digitalocean_kubernetes_versions" "this" {
  version_prefix = var.kubernetes_version_prefix
}

resource "digitalocean_kubernetes_cluster" "this" {
  name          = local.name
  region        = var.region
  version       = data.digitalocean_kubernetes_versions.this.latest_version
  vpc_uuid      = digitalocean_vpc.this.id
  ha            = var.ha_control_plane
  auto_upgrade  = true
  surge_upgrade = true
  tags          = local.tags

  # Nodes pull from the registry below without an imagePullSecret in the chart.
  registry_integration = true

  node_pool {
    name       = "general"
    size       = var.node_size
    auto_scale = true
    min_nodes  = var.node_min
    max_nodes  = var.node_max
    labels     = { "taskstream.io/pool" = "general" }
  }

  maintenance_policy {
    day        = "sunday"
    start_time = "03:00"
  }

  depends_on = [digitalocean_container_registry.this]
}

################################################################################
# Managed PostgreSQL: private network, a PgBouncer pool, only the cluster may connect
################################################################################

resource "digitalocean_database_cluster" "this" {
  name                 = local.name
  engine               = "pg"
  version              = var.db_version
  size                 = var.db_size
  region               = var.region
  node_count           = var.db_node_count
  private_network_uuid = digitalocean_vpc.this.id
  tags                 = local.tags

  maintenance_window {
    day  = "sunday"
    hour = "02:00"
  }
}

resource "digitalocean_database_db" "taskstream" {
  cluster_id = digitalocean_database_cluster.this.id
  name       = "taskstream"
}

resource "digitalocean_database_user" "taskstream" {
  cluster_id = digitalocean_database_cluster.this.id
  name       = "taskstream"
}

resource "digitalocean_database_connection_pool" "taskstream" {
  cluster_id = digitalocean_database_cluster.this.id
  name       = "taskstream"
  # Session mode: the app holds LISTEN connections and advisory locks (outbox relay), which transaction pooling breaks.
  mode    = "session"
  size    = var.db_pool_size
  db_name = digitalocean_database_db.taskstream.name
  user    = digitalocean_database_user.taskstream.name
}

# Trusted sources: the Kubernetes cluster only.
resource "digitalocean_database_firewall" "this" {
  cluster_id = digitalocean_database_cluster.this.id

  rule {
    type  = "k8s"
    value = digitalocean_kubernetes_cluster.this.id
  }
}

################################################################################
# Container registry (one per account; the delivery pipeline pushes here)
################################################################################

resource "digitalocean_container_registry" "this" {
  name                   = "taskstream-${var.environment}"
  subscription_tier_slug = var.registry_tier
  region                 = var.region
}
