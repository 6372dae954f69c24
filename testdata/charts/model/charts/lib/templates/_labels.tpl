{{- define "lib.labels" -}}
app.kubernetes.io/part-of: {{ .Chart.Name }}
env: {{ .Values.global.env | default "none" }}
{{- end }}
