output "cluster_name" {
  description = "EKS cluster name (aws eks update-kubeconfig --name <this> --region <region>)."
  value       = module.eks.cluster_name
}

output "kubeconfig_command" {
  description = "Command that writes a kubeconfig entry for the cluster."
  value       = "aws eks update-kubeconfig --name ${module.eks.cluster_name} --region ${var.region}"
}

output "image_repository" {
  description = "Chart value image.repository."
  value       = var.image_repository
}

output "database_host" {
  description = "PostgreSQL host name (private; reachable from the cluster's nodes)."
  value       = module.db.db_instance_address
}

output "database_secret_arn" {
  description = "Secrets Manager secret (kept and rotated by RDS) holding the database user's name and password."
  value       = module.db.db_instance_master_user_secret_arn
}

output "application_secret_arn" {
  description = "Secrets Manager secret holding the app's own keys (jwt-secret; optional ai-api-key, smtp-username, smtp-password)."
  value       = aws_secretsmanager_secret.application.arn
}

output "kafka_bootstrap_servers" {
  description = "Kafka bootstrap servers over TLS (chart value kafka.bootstrapServers); empty with kafka_mode = strimzi."
  value       = local.msk ? module.msk.bootstrap_brokers_tls : ""
}

output "cloudfront_domain_name" {
  description = "CloudFront distribution's domain name (the DNS alias target of var.domain); empty until alb_dns_name is set."
  value       = module.cloudfront.cloudfront_distribution_domain_name
}

output "helm_values" {
  description = "Chart values this infrastructure decides, as YAML (the content of helm_values_file)."
  value       = yamlencode(local.helm_values)
}

output "helm_values_file" {
  description = "Path of the generated values-<environment>.yaml to pass to helm after values-prod.yaml."
  value       = local_file.helm_values.filename
}

output "external_secrets_file" {
  description = "Path of the generated External Secrets manifest to kubectl apply before the chart."
  value       = local_file.external_secrets.filename
}
