################################################################################
# The Kubernetes Secrets the chart names, written straight into the cluster.
# DigitalOcean has no secrets manager: the pool's credentials come from the
# provider and live only in the (encrypted, remote) state and in the cluster.
################################################################################

resource "kubernetes_namespace_v1" "taskstream" {
  metadata {
    name = local.namespace
  }
}

resource "kubernetes_secret_v1" "database" {
  metadata {
    name      = local.database_secret
    namespace = kubernetes_namespace_v1.taskstream.metadata[0].name
  }

  data = {
    url      = "jdbc:postgresql://${digitalocean_database_connection_pool.taskstream.private_host}:${digitalocean_database_connection_pool.taskstream.port}/${digitalocean_database_connection_pool.taskstream.name}?sslmode=require"
    username = digitalocean_database_user.taskstream.name
    password = digitalocean_database_user.taskstream.password
  }
}

resource "random_password" "jwt_secret" {
  length  = 64
  special = false
}

resource "kubernetes_secret_v1" "application" {
  metadata {
    name      = local.application_secret
    namespace = kubernetes_namespace_v1.taskstream.metadata[0].name
  }

  data = {
    "jwt-secret" = random_password.jwt_secret.result
  }

  lifecycle {
    # Operators add the optional keys (ai-api-key, smtp-username, smtp-password) with kubectl.
    ignore_changes = [data]
  }
}
