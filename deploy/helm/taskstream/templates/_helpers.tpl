{{/* Chart name, possibly overridden. */}}
{{- define "taskstream.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Release-qualified name, ≤ 63 characters, leaving room for a group suffix. */}}
{{- define "taskstream.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" }}
{{- else if contains (include "taskstream.name" .) .Release.Name }}
{{- .Release.Name | trunc 40 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name (include "taskstream.name" .) | trunc 40 | trimSuffix "-" }}
{{- end }}
{{- end }}

{{- define "taskstream.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that select every pod of the release (and only them): the default-deny scope. */}}
{{- define "taskstream.releaseSelector" -}}
app.kubernetes.io/name: {{ include "taskstream.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* dict root component */}}
{{- define "taskstream.selectorLabels" -}}
{{ include "taskstream.releaseSelector" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* dict root component */}}
{{- define "taskstream.labels" -}}
{{ include "taskstream.selectorLabels" . }}
helm.sh/chart: {{ include "taskstream.chart" .root }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: taskstream
{{- end }}

{{/* Labels of resources that belong to the whole release, not one group. */}}
{{- define "taskstream.commonLabels" -}}
{{ include "taskstream.labels" (dict "root" . "component" "platform") }}
{{- end }}

{{- define "taskstream.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "taskstream.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "taskstream.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* A group's settings: groupDefaults with the group's own keys replacing whole keys. dict root name group → YAML */}}
{{- define "taskstream.group" -}}
{{- $g := deepCopy .root.Values.groupDefaults }}
{{- range $k, $v := .group }}
{{- $_ := set $g $k $v }}
{{- end }}
{{- toYaml $g }}
{{- end }}

{{/* Roles consuming a Kafka topic in a shared consumer group (taskstream-<role>), with that topic. */}}
{{- define "taskstream.consumerTopics" -}}
audit: task-events
recurrence: task-events
notifier: reminders
{{- end }}

{{/* "true" when the group (list of roles) has a lag-scaled consumer role and KEDA is on. dict root roles */}}
{{- define "taskstream.kedaScaled" -}}
{{- $topics := include "taskstream.consumerTopics" . | fromYaml }}
{{- if .root.Values.keda.enabled }}
{{- range .roles }}{{ if hasKey $topics . }}true{{ end }}{{ end }}
{{- end }}
{{- end }}

{{- define "taskstream.transport" -}}
{{- if .Values.dapr.enabled }}dapr{{ else }}{{ .Values.events.transport }}{{ end }}
{{- end }}

{{- define "taskstream.kafkaBootstrap" -}}
{{- if .Values.kafka.strimzi.enabled }}
{{- printf "%s-kafka-bootstrap:9092" .Values.kafka.strimzi.clusterName }}
{{- else }}
{{- .Values.kafka.bootstrapServers }}
{{- end }}
{{- end }}

{{- define "taskstream.daprAppId" -}}
{{- printf "%s-%s" (include "taskstream.fullname" .root) .name }}
{{- end }}

{{- define "taskstream.daprConfigName" -}}
{{- default (printf "%s-dapr" (include "taskstream.fullname" .)) .Values.dapr.tracing.name }}
{{- end }}

{{/*
Secret holding the app API token (key `token`, as Dapr requires) that the sidecar sends with every call to the app
and the app requires (ADR 033): dapr.appToken.existingSecret, else the one the chart generates.
*/}}
{{- define "taskstream.daprAppTokenSecret" -}}
{{- default (printf "%s-dapr-app-token" (include "taskstream.fullname" .)) .Values.dapr.appToken.existingSecret }}
{{- end }}

{{/* Secret (name and key names) the app reads its database settings from. */}}
{{- define "taskstream.databaseSecret" -}}
{{- if .Values.cloudnativepg.enabled }}
name: {{ printf "%s-app" .Values.cloudnativepg.clusterName }}
urlKey: jdbc-uri
usernameKey: username
passwordKey: password
uriKey: uri
{{- else }}
name: {{ required "database.existingSecret (a Secret with the database url) is required unless cloudnativepg.enabled" .Values.database.existingSecret }}
urlKey: {{ .Values.database.keys.url }}
usernameKey: {{ .Values.database.keys.username }}
passwordKey: {{ .Values.database.keys.password }}
uriKey: {{ .Values.database.keys.url }}
{{- end }}
{{- end }}

{{/* Names of the groups that run the api role, sorted. */}}
{{- define "taskstream.apiGroups" -}}
{{- $names := list }}
{{- range $name, $group := .Values.roleGroups }}
{{- if and (kindIs "slice" $group.roles) (has "api" $group.roles) }}{{ $names = append $names $name }}{{ end }}
{{- end }}
{{- toJson $names }}
{{- end }}

{{/*
"true" when the group (list of roles) is deployed blue-green by Argo Rollouts: rollout.enabled and the group serves
the api role. Worker groups keep rolling Deployments (ADR 053). dict root roles
*/}}
{{- define "taskstream.blueGreen" -}}
{{- if and .root.Values.rollout.enabled (has "api" .roles) }}true{{ end }}
{{- end }}

{{/*
The pod spec of the smoke test (sign up, create a task, wait for its audit entry), run by `helm test` against the
api Service and, blue-green, by the pre-promotion analysis against the preview Service. dict root url
*/}}
{{- define "taskstream.smokeTestPodSpec" -}}
restartPolicy: Never
automountServiceAccountToken: false
securityContext:
  runAsNonRoot: true
  runAsUser: 100
  runAsGroup: 101
  seccompProfile:
    type: RuntimeDefault
containers:
  - name: smoke-test
    image: {{ .root.Values.tests.image }}
    command: ["/bin/sh", "/scripts/smoke-test.sh"]
    env:
      - name: TASKSTREAM_URL
        value: {{ .url }}
      - name: ATTEMPTS
        value: {{ .root.Values.tests.attempts | int | quote }}
    resources:
      requests:
        cpu: 10m
        memory: 16Mi
      limits:
        cpu: 100m
        memory: 64Mi
    securityContext:
      allowPrivilegeEscalation: false
      readOnlyRootFilesystem: true
      capabilities:
        drop: [ALL]
    volumeMounts:
      - name: scripts
        mountPath: /scripts
        readOnly: true
volumes:
  - name: scripts
    configMap:
      name: {{ include "taskstream.fullname" .root }}-smoke-test
{{- end }}

{{/* Fails the render early on settings that cannot work. */}}
{{- define "taskstream.validate" -}}
{{- $known := list "api" "recurrence" "reminders" "notifier" "audit" }}
{{- if not .Values.roleGroups }}
{{- fail "roleGroups must define at least one group" }}
{{- end }}
{{- range $name, $group := .Values.roleGroups }}
{{- if not (regexMatch "^[a-z]([-a-z0-9]*[a-z0-9])?$" $name) }}
{{- fail (printf "roleGroups.%s: a group name must be a DNS label (lower case letters, digits, '-')" $name) }}
{{- end }}
{{- if not (and (kindIs "slice" $group.roles) $group.roles) }}
{{- fail (printf "roleGroups.%s.roles must be a list of at least one role" $name) }}
{{- end }}
{{- range $group.roles }}
{{- if not (has . $known) }}
{{- fail (printf "roleGroups.%s: unknown role %q (known: %s)" $name . (join ", " $known)) }}
{{- end }}
{{- end }}
{{- end }}
{{- if not (has (include "taskstream.transport" .) (list "kafka" "dapr")) }}
{{- fail "events.transport must be kafka or dapr in Kubernetes (embedded delivers only inside one process)" }}
{{- end }}
{{- if not (include "taskstream.kafkaBootstrap" .) }}
{{- fail "set kafka.bootstrapServers or kafka.strimzi.enabled (both transports, kafka and dapr pubsub.kafka, need brokers)" }}
{{- end }}
{{- if and .Values.ingress.enabled (eq (include "taskstream.apiGroups" .) "[]") }}
{{- fail "ingress.enabled needs a role group with the api role" }}
{{- end }}
{{- if and .Values.rollout.enabled (eq (include "taskstream.apiGroups" .) "[]") }}
{{- fail "rollout.enabled needs a role group with the api role: only api groups are deployed blue-green" }}
{{- end }}
{{- if eq (.Values.managementPort | int) (.Values.containerPort | int) }}
{{- fail "managementPort must differ from containerPort: the app port must serve no metrics" }}
{{- end }}
{{- if and .Values.dapr.enabled (has (.Values.managementPort | int) (list 3500 3501 50001 50002 9090)) }}
{{- fail "managementPort must not be one of the Dapr sidecar's ports (3500, 3501, 50001, 50002, 9090)" }}
{{- end }}
{{- end }}
