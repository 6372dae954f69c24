{{/*
The chart's name, or .Values.nameOverride, cut to 63 characters (the limit of a DNS label).
*/}}
{{- define "created.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name of the release's objects: .Values.fullnameOverride when set, else
"RELEASE-CHART" (just RELEASE when it already contains the chart name), cut to 63 characters
because some Kubernetes name fields allow no more.
*/}}
{{- define "created.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
"CHART-VERSION" for the helm.sh/chart label ('+' is not allowed in label values).
*/}}
{{- define "created.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The labels every object carries.
*/}}
{{- define "created.labels" -}}
helm.sh/chart: {{ include "created.chart" . }}
{{ include "created.selectorLabels" . }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
The labels that select the release's pods (they must not change between upgrades).
*/}}
{{- define "created.selectorLabels" -}}
app.kubernetes.io/name: {{ include "created.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The service account the pods run as.
*/}}
{{- define "created.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "created.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}
