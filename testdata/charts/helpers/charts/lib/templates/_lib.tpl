{{- define "shared.banner" -}}
library banner
{{- end -}}
{{- define "lib.annotation" -}}
lib/version: {{ .Chart.Version | quote }}
{{- end -}}
