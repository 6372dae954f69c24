{{- define "packaging.name" -}}{{ .Chart.Name }}{{- end }}
