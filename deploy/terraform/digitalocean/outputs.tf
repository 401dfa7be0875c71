output "cluster_name" {
  description = "DOKS cluster name (doctl kubernetes cluster kubeconfig save <this>)."
  value       = digitalocean_kubernetes_cluster.this.name
}

output "kubeconfig_command" {
  description = "Command that writes a kubeconfig entry for the cluster."
  value       = "doctl kubernetes cluster kubeconfig save ${digitalocean_kubernetes_cluster.this.name}"
}

output "image_repository" {
  description = "Chart value image.repository (the delivery pipeline pushes here)."
  value       = "${digitalocean_container_registry.this.endpoint}/taskstream"
}

output "database_host" {
  description = "PostgreSQL connection pool host (private network)."
  value       = digitalocean_database_connection_pool.taskstream.private_host
}

output "database_uri" {
  description = "Connection URI of the pool, with the password: for operators (terraform output -raw database_uri)."
  value       = digitalocean_database_connection_pool.taskstream.private_uri
  sensitive   = true
}

output "kafka_bootstrap_servers" {
  description = "Empty: Kafka runs on the cluster (the chart's Strimzi cluster)."
  value       = ""
}

output "helm_values" {
  description = "Chart values this infrastructure decides, as YAML (the content of helm_values_file)."
  value       = yamlencode(local.helm_values)
}

output "helm_values_file" {
  description = "Path of the generated values-<environment>.yaml to pass to helm after values-prod.yaml."
  value       = local_file.helm_values.filename
}
