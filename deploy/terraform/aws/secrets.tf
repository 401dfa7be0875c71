################################################################################
# The application's own secrets (JWT signing key; operators add the optional
# ai-api-key, smtp-username and smtp-password keys). The JWT key is generated
# ephemerally and written write-only: it is in neither the code nor the state.
################################################################################

resource "aws_secretsmanager_secret" "application" {
  name        = "${local.name}/application"
  description = "Taskstream application secrets (keys of the chart's secrets.existingSecret)"
}

ephemeral "random_password" "jwt_secret" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret_version" "application" {
  secret_id                = aws_secretsmanager_secret.application.id
  secret_string_wo         = jsonencode({ "jwt-secret" = ephemeral.random_password.jwt_secret.result })
  secret_string_wo_version = 1

  lifecycle {
    # Operators add optional keys with put-secret-value; Terraform writes the first version only.
    ignore_changes = [secret_string_wo_version]
  }
}
