terraform {
  # 1.11 brings write-only arguments (the app secret never lands in state); the RDS module needs >= 1.11.1.
  required_version = ">= 1.11.1, < 2.0.0"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # The MSK module needs >= 6.40.
      version = "~> 6.40"
    }
    helm = {
      source  = "hashicorp/helm"
      version = "~> 3.1"
    }
    random = {
      source  = "hashicorp/random"
      version = "~> 3.7"
    }
    local = {
      source  = "hashicorp/local"
      version = "~> 2.5"
    }
  }

  # Remote state in S3 with S3-native locking. The bucket, key and region come from
  # environments/<env>.s3.tfbackend: terraform init -backend-config=environments/<env>.s3.tfbackend
  # (bootstrap of the bucket: deploy/terraform/README.md).
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = local.tags
  }
}

# CloudFront's certificate and web ACL live in us-east-1, whatever the region of the rest.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = local.tags
  }
}

provider "helm" {
  kubernetes = {
    host                   = module.eks.cluster_endpoint
    cluster_ca_certificate = base64decode(module.eks.cluster_certificate_authority_data)
    exec = {
      api_version = "client.authentication.k8s.io/v1beta1"
      command     = "aws"
      args        = ["eks", "get-token", "--cluster-name", module.eks.cluster_name, "--region", var.region]
    }
  }
}
