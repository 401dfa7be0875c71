terraform {
  required_version = ">= 1.11.1, < 2.0.0"

  required_providers {
    digitalocean = {
      source  = "digitalocean/digitalocean"
      version = "~> 2.48"
    }
    kubernetes = {
      source  = "hashicorp/kubernetes"
      version = "~> 2.38"
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

  # Remote state in a DigitalOcean Spaces bucket through the S3 backend (Spaces speaks the S3 API). Bucket, key,
  # endpoint and the S3 checks Spaces lacks come from environments/<env>.s3.tfbackend:
  # terraform init -backend-config=environments/<env>.s3.tfbackend (bootstrap: deploy/terraform/README.md).
  # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY set to a Spaces access key, never in a file here.
  backend "s3" {}
}

# The API token comes from DIGITALOCEAN_TOKEN in the environment.
provider "digitalocean" {}

provider "kubernetes" {
  host                   = digitalocean_kubernetes_cluster.this.endpoint
  token                  = digitalocean_kubernetes_cluster.this.kube_config[0].token
  cluster_ca_certificate = base64decode(digitalocean_kubernetes_cluster.this.kube_config[0].cluster_ca_certificate)
}
