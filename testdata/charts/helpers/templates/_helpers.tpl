{{/* Common helpers. */}}
{{- define "helpers.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "helpers.fullname" -}}
{{- printf "%s-%s" .Release.Name (include "helpers.name" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "helpers.labels" -}}
app.kubernetes.io/name: {{ include "helpers.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- range $k, $v := .Values.labels }}
{{ $k }}: {{ $v | quote }}
{{- end }}
{{- end -}}

{{- define "shared.banner" -}}
parent banner
{{- end -}}
