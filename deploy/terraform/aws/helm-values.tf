################################################################################
# What the chart needs from this infrastructure, written where the deploy
# pipeline reads it:
#   values-<environment>.yaml          -> helm ... -f values-prod.yaml -f values-<environment>.yaml
#   external-secrets-<environment>.yaml -> kubectl apply -f (before the chart)
# Every key of local.helm_values exists in deploy/helm/taskstream/values.schema.json
# (TerraformRulesTest checks it). No secret is in either file: the chart reads
# Kubernetes Secrets that External Secrets fills from Secrets Manager.
################################################################################

locals {
  msk = var.kafka_mode == "msk"

  # Peers whose X-Forwarded-* headers the app believes (ADR 032): the ALB's addresses in the VPC.
  vpc_prefix      = join("\\.", slice(split(".", split("/", var.vpc_cidr)[0]), 0, 2))
  trusted_proxies = "${local.vpc_prefix}\\.\\d{1,3}\\.\\d{1,3}"

  helm_values = {
    image = {
      repository = var.image_repository
    }
    ingress = {
      enabled   = true
      className = "alb"
      host      = var.domain
      # TLS ends at the ALB with the ACM certificate (and before it at CloudFront): no cert-manager Secret.
      tls = {
        enabled = false
      }
      annotations = {
        "alb.ingress.kubernetes.io/scheme"                              = "internet-facing"
        "alb.ingress.kubernetes.io/target-type"                         = "ip"
        "alb.ingress.kubernetes.io/listen-ports"                        = "[{\"HTTPS\":443}]"
        "alb.ingress.kubernetes.io/certificate-arn"                     = module.acm_regional.acm_certificate_arn
        "alb.ingress.kubernetes.io/ssl-policy"                          = "ELBSecurityPolicy-TLS13-1-2-2021-06"
        "alb.ingress.kubernetes.io/security-groups"                     = aws_security_group.alb.id
        "alb.ingress.kubernetes.io/manage-backend-security-group-rules" = "true"
        # The live stream (Server-Sent Events) stays open for up to an hour.
        "alb.ingress.kubernetes.io/load-balancer-attributes" = "idle_timeout.timeout_seconds=3600"
      }
    }
    forwardedHeaders = {
      trustedProxies = local.trusted_proxies
    }
    database = {
      existingSecret = local.database_secret
      port           = module.db.db_instance_port
    }
    cloudnativepg = {
      enabled = false
    }
    secrets = {
      existingSecret = local.application_secret
    }
    kafka = {
      bootstrapServers = local.msk ? module.msk.bootstrap_brokers_tls : ""
      strimzi = {
        enabled = !local.msk
      }
    }
    groupDefaults = {
      # MSK listens with TLS only (port 9094); the brokers' certificates chain to a public CA the JVM trusts.
      extraEnv = local.msk ? [{ name = "SPRING_KAFKA_SECURITY_PROTOCOL", value = "SSL" }] : []
    }
    networkPolicy = {
      database = {
        cidr = var.vpc_cidr
      }
      kafka = {
        cidr  = var.vpc_cidr
        ports = local.msk ? [9094] : [9092, 9093]
      }
      # The ALB sends to the pods' addresses (target type ip) from the public subnets.
      extraIngress = [{
        from  = [for cidr in module.vpc.public_subnets_cidr_blocks : { ipBlock = { cidr = cidr } }]
        ports = [{ port = 8080, protocol = "TCP" }]
      }]
    }
  }

  # External Secrets: a store reading Secrets Manager with the operator's Pod Identity role, and the two
  # Kubernetes Secrets the chart names, rebuilt from Secrets Manager every hour (so RDS rotations reach the pods).
  external_secrets = [
    {
      apiVersion = "external-secrets.io/v1"
      kind       = "ClusterSecretStore"
      metadata   = { name = "aws-secrets-manager" }
      spec = {
        provider = {
          aws = {
            service = "SecretsManager"
            region  = var.region
          }
        }
      }
    },
    {
      apiVersion = "external-secrets.io/v1"
      kind       = "ExternalSecret"
      metadata   = { name = local.database_secret, namespace = local.namespace }
      spec = {
        refreshInterval = "1h"
        secretStoreRef  = { kind = "ClusterSecretStore", name = "aws-secrets-manager" }
        target = {
          name = local.database_secret
          template = {
            data = {
              url      = "jdbc:postgresql://${module.db.db_instance_address}:${module.db.db_instance_port}/${module.db.db_instance_name}?sslmode=require"
              username = "{{ .username }}"
              password = "{{ .password }}"
            }
          }
        }
        dataFrom = [{ extract = { key = module.db.db_instance_master_user_secret_arn } }]
      }
    },
    {
      apiVersion = "external-secrets.io/v1"
      kind       = "ExternalSecret"
      metadata   = { name = local.application_secret, namespace = local.namespace }
      spec = {
        refreshInterval = "1h"
        secretStoreRef  = { kind = "ClusterSecretStore", name = "aws-secrets-manager" }
        target          = { name = local.application_secret }
        dataFrom        = [{ extract = { key = aws_secretsmanager_secret.application.arn } }]
      }
    },
  ]
}

resource "local_file" "helm_values" {
  filename        = "${path.root}/generated/values-${var.environment}.yaml"
  file_permission = "0644"
  content         = "# Generated by deploy/terraform/aws (terraform apply). Do not edit.\n${yamlencode(local.helm_values)}"
}

resource "local_file" "external_secrets" {
  filename        = "${path.root}/generated/external-secrets-${var.environment}.yaml"
  file_permission = "0644"
  content         = "# Generated by deploy/terraform/aws (terraform apply). Do not edit.\n${join("---\n", [for doc in local.external_secrets : yamlencode(doc)])}"
}
