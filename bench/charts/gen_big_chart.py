#!/usr/bin/env python3
"""Writes a large Helm chart for rendering benchmarks, modelled on the biggest public charts
(bitnami's multi-component charts on their `common` library).

    bench/charts/gen_big_chart.py OUT_DIR [--components N]

OUT_DIR/big is a chart with N components (default 40). Each component has ten templates
(deployment, service, configmap, secret, serviceaccount, hpa, pdb, networkpolicy, ingress,
servicemonitor) built from a library subchart `common` (names, labels, images, tplvalues,
affinities, capabilities, resources presets, security contexts) through include chains five to
eight levels deep, big toYaml blocks of values, ranges over long lists, tpl over values, and
many Sprig calls. values.yaml gives every component a large block (env lists, config maps,
affinities, probes, annotations). Output is deterministic: no random or clock functions.
"""
import os
import sys

COMMON = {
    "_names.tpl": r'''{{/* Names, as bitnami's common library spells them. */}}
{{- define "common.names.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "common.names.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "common.names.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "common.names.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "common.names.fullname.namespace" -}}
{{- printf "%s-%s" (include "common.names.fullname" .) (include "common.names.namespace" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "common.names.dependency.fullname" -}}
{{- if .chartValues.fullnameOverride -}}
{{- .chartValues.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .chartName .chartValues.nameOverride -}}
{{- if contains $name .context.Release.Name -}}
{{- .context.Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .context.Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}
''',
    "_labels.tpl": r'''{{/* Kubernetes standard labels, merged with custom ones. */}}
{{- define "common.labels.standard" -}}
{{- if and (hasKey . "customLabels") (hasKey . "context") -}}
{{- $default := dict "app.kubernetes.io/name" (include "common.names.name" .context) "helm.sh/chart" (include "common.names.chart" .context) "app.kubernetes.io/instance" .context.Release.Name "app.kubernetes.io/managed-by" .context.Release.Service -}}
{{- with .context.Chart.AppVersion -}}
{{- $_ := set $default "app.kubernetes.io/version" . -}}
{{- end -}}
{{ template "common.tplvalues.merge" (dict "values" (list .customLabels $default) "context" .context) }}
{{- else -}}
app.kubernetes.io/name: {{ include "common.names.name" . }}
helm.sh/chart: {{ include "common.names.chart" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- with .Chart.AppVersion }}
app.kubernetes.io/version: {{ . | quote }}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "common.labels.matchLabels" -}}
{{- if and (hasKey . "customLabels") (hasKey . "context") -}}
{{ merge (pick (include "common.tplvalues.render" (dict "value" .customLabels "context" .context) | fromYaml) "app.kubernetes.io/name" "app.kubernetes.io/instance") (dict "app.kubernetes.io/name" (include "common.names.name" .context) "app.kubernetes.io/instance" .context.Release.Name ) | toYaml }}
{{- else -}}
app.kubernetes.io/name: {{ include "common.names.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
{{- end -}}
''',
    "_tplvalues.tpl": r'''{{/* Values that may contain templates. */}}
{{- define "common.tplvalues.render" -}}
{{- $value := typeIs "string" .value | ternary .value (.value | toYaml) }}
{{- if contains "{{" (toJson .value) }}
  {{- if .scope }}
      {{- tpl (cat "{{- with $.RelativeScope -}}" $value "{{- end }}") (merge (dict "RelativeScope" .scope) .context) }}
  {{- else }}
    {{- tpl $value .context }}
  {{- end }}
{{- else }}
    {{- $value }}
{{- end }}
{{- end -}}

{{- define "common.tplvalues.merge" -}}
{{- $dst := dict -}}
{{- range .values -}}
{{- $dst = include "common.tplvalues.render" (dict "value" . "context" $.context "scope" $.scope) | fromYaml | merge $dst -}}
{{- end -}}
{{ $dst | toYaml }}
{{- end -}}
''',
    "_images.tpl": r'''{{/* Container images and pull secrets. */}}
{{- define "common.images.image" -}}
{{- $registryName := default .imageRoot.registry ((.global).imageRegistry) -}}
{{- $repositoryName := .imageRoot.repository -}}
{{- $separator := ":" -}}
{{- $termination := .imageRoot.tag | toString -}}
{{- if not .imageRoot.tag }}
  {{- if .chart }}
    {{- $termination = .chart.AppVersion | toString -}}
  {{- end -}}
{{- end -}}
{{- if .imageRoot.digest }}
    {{- $separator = "@" -}}
    {{- $termination = .imageRoot.digest | toString -}}
{{- end -}}
{{- if $registryName }}
    {{- printf "%s/%s%s%s" $registryName $repositoryName $separator $termination -}}
{{- else -}}
    {{- printf "%s%s%s"  $repositoryName $separator $termination -}}
{{- end -}}
{{- end -}}

{{- define "common.images.renderPullSecrets" -}}
  {{- $pullSecrets := list }}
  {{- $context := .context }}
  {{- range (($context.Values.global).imagePullSecrets) -}}
    {{- if kindIs "map" . -}}
      {{- $pullSecrets = append $pullSecrets (include "common.tplvalues.render" (dict "value" .name "context" $context)) -}}
    {{- else -}}
      {{- $pullSecrets = append $pullSecrets (include "common.tplvalues.render" (dict "value" . "context" $context)) -}}
    {{- end -}}
  {{- end -}}
  {{- range .images -}}
    {{- range .pullSecrets -}}
      {{- if kindIs "map" . -}}
        {{- $pullSecrets = append $pullSecrets (include "common.tplvalues.render" (dict "value" .name "context" $context)) -}}
      {{- else -}}
        {{- $pullSecrets = append $pullSecrets (include "common.tplvalues.render" (dict "value" . "context" $context)) -}}
      {{- end -}}
    {{- end -}}
  {{- end -}}
  {{- if (not (empty $pullSecrets)) -}}
imagePullSecrets:
    {{- range $pullSecrets | uniq }}
  - name: {{ . }}
    {{- end }}
  {{- end }}
{{- end -}}

{{- define "common.images.version" -}}
{{- $imageTag := .imageRoot.tag | toString -}}
{{- if regexMatch `^([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?$` $imageTag -}}
    {{- $version := semver $imageTag -}}
    {{- printf "%d.%d.%d" $version.Major $version.Minor $version.Patch -}}
{{- else -}}
    {{- print .chart.AppVersion -}}
{{- end -}}
{{- end -}}
''',
    "_affinities.tpl": r'''{{/* Pod and node affinity presets. */}}
{{- define "common.affinities.nodes.soft" -}}
preferredDuringSchedulingIgnoredDuringExecution:
  - preference:
      matchExpressions:
        - key: {{ .key }}
          operator: In
          values:
            {{- range .values }}
            - {{ . | quote }}
            {{- end }}
    weight: 1
{{- end -}}

{{- define "common.affinities.nodes.hard" -}}
requiredDuringSchedulingIgnoredDuringExecution:
  nodeSelectorTerms:
    - matchExpressions:
        - key: {{ .key }}
          operator: In
          values:
            {{- range .values }}
            - {{ . | quote }}
            {{- end }}
{{- end -}}

{{- define "common.affinities.nodes" -}}
  {{- if eq .type "soft" }}
    {{- include "common.affinities.nodes.soft" . -}}
  {{- else if eq .type "hard" }}
    {{- include "common.affinities.nodes.hard" . -}}
  {{- end -}}
{{- end -}}

{{- define "common.affinities.topologyKey" -}}
{{ .topologyKey | default "kubernetes.io/hostname" -}}
{{- end -}}

{{- define "common.affinities.pods.soft" -}}
{{- $component := default "" .component -}}
{{- $customLabels := default (dict) .customLabels -}}
{{- $extraMatchLabels := default (dict) .extraMatchLabels -}}
{{- $extraPodAffinityTerms := default (list) .extraPodAffinityTerms -}}
preferredDuringSchedulingIgnoredDuringExecution:
  - podAffinityTerm:
      labelSelector:
        matchLabels: {{- (include "common.labels.matchLabels" ( dict "customLabels" $customLabels "context" .context )) | nindent 10 }}
          {{- if not (empty $component) }}
          {{ printf "app.kubernetes.io/component: %s" $component }}
          {{- end }}
          {{- range $key, $value := $extraMatchLabels }}
          {{ $key }}: {{ $value | quote }}
          {{- end }}
      topologyKey: {{ include "common.affinities.topologyKey" (dict "topologyKey" .topologyKey) }}
    weight: 1
  {{- range $extraPodAffinityTerms }}
  - podAffinityTerm:
      labelSelector:
        matchLabels: {{- (include "common.labels.matchLabels" ( dict "customLabels" $customLabels "context" $.context )) | nindent 10 }}
          {{- range $key, $value := .extraMatchLabels }}
          {{ $key }}: {{ $value | quote }}
          {{- end }}
      topologyKey: {{ include "common.affinities.topologyKey" (dict "topologyKey" .topologyKey) }}
    weight: {{ .weight | default 1 -}}
  {{- end -}}
{{- end -}}

{{- define "common.affinities.pods.hard" -}}
{{- $component := default "" .component -}}
{{- $customLabels := default (dict) .customLabels -}}
requiredDuringSchedulingIgnoredDuringExecution:
  - labelSelector:
      matchLabels: {{- (include "common.labels.matchLabels" ( dict "customLabels" $customLabels "context" .context )) | nindent 8 }}
        {{- if not (empty $component) }}
        {{ printf "app.kubernetes.io/component: %s" $component }}
        {{- end }}
    topologyKey: {{ include "common.affinities.topologyKey" (dict "topologyKey" .topologyKey) }}
{{- end -}}

{{- define "common.affinities.pods" -}}
  {{- if eq .type "soft" }}
    {{- include "common.affinities.pods.soft" . -}}
  {{- else if eq .type "hard" }}
    {{- include "common.affinities.pods.hard" . -}}
  {{- end -}}
{{- end -}}
''',
    "_capabilities.tpl": r'''{{/* API versions by Kubernetes version. */}}
{{- define "common.capabilities.kubeVersion" -}}
{{- default (default .Capabilities.KubeVersion.Version .Values.kubeVersion) ((.Values.global).kubeVersion) -}}
{{- end -}}

{{- define "common.capabilities.apiVersions.has" -}}
{{- $providedAPIVersions := default .context.Values.apiVersions ((.context.Values.global).apiVersions) -}}
{{- if and (empty $providedAPIVersions) (.context.Capabilities.APIVersions.Has .version) -}}
    {{- true -}}
{{- else if has .version $providedAPIVersions -}}
    {{- true -}}
{{- end -}}
{{- end -}}

{{- define "common.capabilities.policy.apiVersion" -}}
{{- if semverCompare "<1.21-0" (include "common.capabilities.kubeVersion" .) -}}
{{- print "policy/v1beta1" -}}
{{- else -}}
{{- print "policy/v1" -}}
{{- end -}}
{{- end -}}

{{- define "common.capabilities.deployment.apiVersion" -}}
{{- if semverCompare "<1.14-0" (include "common.capabilities.kubeVersion" .) -}}
{{- print "extensions/v1beta1" -}}
{{- else -}}
{{- print "apps/v1" -}}
{{- end -}}
{{- end -}}

{{- define "common.capabilities.ingress.apiVersion" -}}
{{- if semverCompare "<1.14-0" (include "common.capabilities.kubeVersion" .) -}}
{{- print "extensions/v1beta1" -}}
{{- else if semverCompare "<1.19-0" (include "common.capabilities.kubeVersion" .) -}}
{{- print "networking.k8s.io/v1beta1" -}}
{{- else -}}
{{- print "networking.k8s.io/v1" -}}
{{- end }}
{{- end -}}

{{- define "common.capabilities.hpa.apiVersion" -}}
{{- $kubeVersion := include "common.capabilities.kubeVersion" .context -}}
{{- if semverCompare "<1.23-0" $kubeVersion -}}
{{- if .beta2 -}}
{{- print "autoscaling/v2beta2" -}}
{{- else -}}
{{- print "autoscaling/v2beta1" -}}
{{- end -}}
{{- else -}}
{{- print "autoscaling/v2" -}}
{{- end -}}
{{- end -}}

{{- define "common.capabilities.supportsHelmVersion" -}}
{{- if not (typeIs "string" .Capabilities.HelmVersion) }}
  {{- true -}}
{{- end -}}
{{- end -}}
''',
    "_resources.tpl": r'''{{/* Resource presets. */}}
{{- define "common.resources.preset" -}}
{{- $presets := dict
  "nano" (dict
      "requests" (dict "cpu" "100m" "memory" "128Mi" "ephemeral-storage" "50Mi")
      "limits" (dict "cpu" "150m" "memory" "192Mi" "ephemeral-storage" "2Gi")
   )
  "micro" (dict
      "requests" (dict "cpu" "250m" "memory" "256Mi" "ephemeral-storage" "50Mi")
      "limits" (dict "cpu" "375m" "memory" "384Mi" "ephemeral-storage" "2Gi")
   )
  "small" (dict
      "requests" (dict "cpu" "500m" "memory" "512Mi" "ephemeral-storage" "50Mi")
      "limits" (dict "cpu" "750m" "memory" "768Mi" "ephemeral-storage" "2Gi")
   )
  "medium" (dict
      "requests" (dict "cpu" "500m" "memory" "1024Mi" "ephemeral-storage" "50Mi")
      "limits" (dict "cpu" "750m" "memory" "1536Mi" "ephemeral-storage" "2Gi")
   )
  "large" (dict
      "requests" (dict "cpu" "1.0" "memory" "2048Mi" "ephemeral-storage" "50Mi")
      "limits" (dict "cpu" "1.5" "memory" "3072Mi" "ephemeral-storage" "2Gi")
   )
 }}
{{- if hasKey $presets .type -}}
{{- index $presets .type | toYaml -}}
{{- else -}}
{{- printf "ERROR: Preset key '%s' invalid. Allowed values are %s" .type (join "," (keys $presets)) | fail -}}
{{- end -}}
{{- end -}}
''',
    "_compatibility.tpl": r'''{{/* Security contexts adapted to the platform. */}}
{{- define "common.compatibility.isOpenshift" -}}
{{- if .Capabilities.APIVersions.Has "security.openshift.io/v1" -}}
{{- true -}}
{{- end -}}
{{- end -}}

{{- define "common.compatibility.renderSecurityContext" -}}
{{- $adaptedContext := .secContext -}}
{{- if (((.context.Values.global).compatibility).openshift) -}}
  {{- if or (eq .context.Values.global.compatibility.openshift.adaptSecurityContext "force") (and (eq .context.Values.global.compatibility.openshift.adaptSecurityContext "auto") (include "common.compatibility.isOpenshift" .context)) -}}
    {{- $adaptedContext = omit $adaptedContext "fsGroup" "runAsUser" "runAsGroup" -}}
    {{- if not .secContext.seLinuxOptions -}}
    {{- $adaptedContext = omit $adaptedContext "seLinuxOptions" -}}
    {{- end -}}
  {{- end -}}
{{- end -}}
{{- if not .secContext.seLinuxOptions -}}
{{- $adaptedContext = omit $adaptedContext "seLinuxOptions" -}}
{{- end -}}
{{- omit $adaptedContext "enabled" | toYaml -}}
{{- end -}}
''',
    "_utils.tpl": r'''{{/* Checksums and key lookups. */}}
{{- define "common.utils.checksumTemplate" -}}
{{- $obj := include (print .context.Template.BasePath .path) .context | fromYaml -}}
{{ omit $obj "apiVersion" "kind" "metadata" | toYaml | sha256sum }}
{{- end -}}

{{- define "common.utils.getValueFromKey" -}}
{{- $splitKey := splitList "." .key -}}
{{- $value := "" -}}
{{- $latestObj := $.context.Values -}}
{{- range $splitKey -}}
  {{- if not $latestObj -}}
    {{- printf "please review the entire path of '%s' exists in values" $.key | fail -}}
  {{- end -}}
  {{- $value = ( index $latestObj . ) -}}
  {{- $latestObj = $value -}}
{{- end -}}
{{- printf "%v" (default "" $value) -}}
{{- end -}}

{{- define "common.warnings.resources" -}}
{{- $values := .context.Values -}}
{{- $printMessage := false -}}
{{ $affectedSections := list -}}
{{- range .sections -}}
  {{- if eq . "" -}}
    {{- if not (index $values "resources") -}}
    {{- $printMessage = true -}}
    {{- $affectedSections = append $affectedSections "resources" -}}
    {{- end -}}
  {{- else -}}
    {{- $keys := split "." . -}}
    {{- $section := $values -}}
    {{- range $keys -}}
      {{- $section = index $section . -}}
    {{- end -}}
    {{- if not (index $section "resources") -}}
      {{- if and (hasKey $section "resourcesPreset") (ne $section.resourcesPreset "none") -}}
        {{- $printMessage = true -}}
        {{- $affectedSections = append $affectedSections (printf "%s.resources" .) -}}
      {{- end -}}
    {{- end -}}
  {{- end -}}
{{- end -}}
{{- if $printMessage }}

WARNING: There are "resources" sections in the chart not set. Using "resourcesPreset" is not recommended for production.
{{- range $affectedSections }}
  - {{ . }}
{{- end }}
{{- end -}}
{{- end -}}
''',
}

COMMON_CHART = """apiVersion: v2
name: common
version: 2.31.4
appVersion: 2.31.4
type: library
description: A library of common templates (names, labels, images, affinities, capabilities).
keywords:
  - common
  - helper
  - template
"""


def chart_yaml(components):
    return """apiVersion: v2
name: big
version: 12.4.1
appVersion: "3.9.2"
kubeVersion: ">=1.23.0-0"
description: A large multi-component chart for rendering benchmarks ({n} components).
home: https://example.com/big
icon: https://example.com/big.svg
keywords: [benchmark, big, multi-component]
maintainers:
  - name: Benchmarks
    url: https://example.com
annotations:
  category: Infrastructure
  licenses: Apache-2.0
dependencies:
  - name: common
    version: 2.x.x
    repository: oci://registry.example.com/charts
    tags:
      - bitnami-common
""".format(n=len(components))


HELPERS = r'''{{/* Chart helpers: per-component names, labels and pod specs. */}}
{{- define "big.component.fullname" -}}
{{- printf "%s-%s" (include "common.names.fullname" .context) .component | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "big.component.values" -}}
{{- index .context.Values .component | toYaml -}}
{{- end -}}

{{- define "big.component.serviceAccountName" -}}
{{- $values := index .context.Values .component -}}
{{- if $values.serviceAccount.create -}}
    {{ default (include "big.component.fullname" .) $values.serviceAccount.name }}
{{- else -}}
    {{ default "default" $values.serviceAccount.name }}
{{- end -}}
{{- end -}}

{{- define "big.component.labels" -}}
{{- include "common.labels.standard" (dict "customLabels" .context.Values.commonLabels "context" .context) }}
app.kubernetes.io/component: {{ .component }}
app.kubernetes.io/part-of: {{ include "common.names.name" .context }}
{{- end -}}

{{- define "big.component.matchLabels" -}}
{{- include "common.labels.matchLabels" (dict "customLabels" .context.Values.commonLabels "context" .context) }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "big.component.image" -}}
{{- $values := index .context.Values .component -}}
{{- include "common.images.image" (dict "imageRoot" $values.image "global" .context.Values.global "chart" .context.Chart) -}}
{{- end -}}

{{- define "big.component.annotations" -}}
{{- $values := index .context.Values .component -}}
{{- $annotations := merge (dict) $values.podAnnotations .context.Values.commonAnnotations -}}
{{- include "common.tplvalues.render" (dict "value" $annotations "context" .context) -}}
{{- end -}}

{{- define "big.component.env" -}}
{{- $values := index .context.Values .component -}}
- name: BIG_COMPONENT
  value: {{ .component | quote }}
- name: BIG_FULLNAME
  value: {{ include "big.component.fullname" . | quote }}
- name: BIG_NAMESPACE
  value: {{ include "common.names.namespace" .context | quote }}
{{- range $i, $e := $values.env }}
- name: {{ $e.name | upper | replace "-" "_" }}
  {{- if $e.valueFrom }}
  valueFrom: {{- toYaml $e.valueFrom | nindent 4 }}
  {{- else }}
  value: {{ tpl (toString $e.value) $.context | quote }}
  {{- end }}
{{- end }}
{{- with $values.extraEnvVars }}
{{ include "common.tplvalues.render" (dict "value" . "context" $.context) }}
{{- end }}
{{- end -}}

{{- define "big.component.probe" -}}
{{- if .probe.enabled -}}
{{ omit .probe "enabled" | toYaml }}
{{- if not .probe.httpGet }}
httpGet:
  path: {{ .path | default "/healthz" }}
  port: http
{{- end }}
{{- end -}}
{{- end -}}

{{- define "big.component.podSpec" -}}
{{- $ctx := .context -}}
{{- $values := index .context.Values .component -}}
{{- include "common.images.renderPullSecrets" (dict "images" (list $values.image) "context" $ctx) }}
serviceAccountName: {{ include "big.component.serviceAccountName" . }}
automountServiceAccountToken: {{ $values.automountServiceAccountToken }}
{{- if $values.hostAliases }}
hostAliases: {{- include "common.tplvalues.render" (dict "value" $values.hostAliases "context" $ctx) | nindent 2 }}
{{- end }}
{{- if $values.affinity }}
affinity: {{- include "common.tplvalues.render" (dict "value" $values.affinity "context" $ctx) | nindent 2 }}
{{- else }}
affinity:
  podAffinity: {{- include "common.affinities.pods" (dict "type" $values.podAffinityPreset "component" .component "customLabels" $ctx.Values.commonLabels "context" $ctx) | nindent 4 }}
  podAntiAffinity: {{- include "common.affinities.pods" (dict "type" $values.podAntiAffinityPreset "component" .component "customLabels" $ctx.Values.commonLabels "context" $ctx) | nindent 4 }}
  nodeAffinity: {{- include "common.affinities.nodes" (dict "type" $values.nodeAffinityPreset.type "key" $values.nodeAffinityPreset.key "values" $values.nodeAffinityPreset.values) | nindent 4 }}
{{- end }}
{{- if $values.nodeSelector }}
nodeSelector: {{- include "common.tplvalues.render" (dict "value" $values.nodeSelector "context" $ctx) | nindent 2 }}
{{- end }}
{{- if $values.tolerations }}
tolerations: {{- include "common.tplvalues.render" (dict "value" $values.tolerations "context" $ctx) | nindent 2 }}
{{- end }}
{{- if $values.topologySpreadConstraints }}
topologySpreadConstraints: {{- include "common.tplvalues.render" (dict "value" $values.topologySpreadConstraints "context" $ctx) | nindent 2 }}
{{- end }}
{{- if $values.priorityClassName }}
priorityClassName: {{ $values.priorityClassName | quote }}
{{- end }}
{{- if $values.podSecurityContext.enabled }}
securityContext: {{- include "common.compatibility.renderSecurityContext" (dict "secContext" $values.podSecurityContext "context" $ctx) | nindent 2 }}
{{- end }}
{{- if $values.initContainers }}
initContainers:
  {{- range $values.initContainers }}
  - name: {{ .name }}
    image: {{ include "big.component.image" $ }}
    command: {{- toYaml .command | nindent 6 }}
    {{- with .resources }}
    resources: {{- toYaml . | nindent 6 }}
    {{- end }}
  {{- end }}
{{- end }}
containers:
  - name: {{ .component }}
    image: {{ include "big.component.image" . }}
    imagePullPolicy: {{ $values.image.pullPolicy }}
    {{- if $values.containerSecurityContext.enabled }}
    securityContext: {{- include "common.compatibility.renderSecurityContext" (dict "secContext" $values.containerSecurityContext "context" $ctx) | nindent 6 }}
    {{- end }}
    {{- if $values.command }}
    command: {{- include "common.tplvalues.render" (dict "value" $values.command "context" $ctx) | nindent 6 }}
    {{- end }}
    {{- if $values.args }}
    args: {{- include "common.tplvalues.render" (dict "value" $values.args "context" $ctx) | nindent 6 }}
    {{- end }}
    env: {{- include "big.component.env" . | nindent 6 }}
    envFrom:
      - configMapRef:
          name: {{ include "big.component.fullname" . }}
      - secretRef:
          name: {{ include "big.component.fullname" . }}
    ports:
      {{- range $values.containerPorts }}
      - name: {{ .name }}
        containerPort: {{ .port }}
        protocol: {{ .protocol | default "TCP" }}
      {{- end }}
    {{- if $values.resources }}
    resources: {{- toYaml $values.resources | nindent 6 }}
    {{- else if ne $values.resourcesPreset "none" }}
    resources: {{- include "common.resources.preset" (dict "type" $values.resourcesPreset) | nindent 6 }}
    {{- end }}
    {{- with (include "big.component.probe" (dict "probe" $values.livenessProbe "path" "/live")) }}
    livenessProbe: {{- . | nindent 6 }}
    {{- end }}
    {{- with (include "big.component.probe" (dict "probe" $values.readinessProbe "path" "/ready")) }}
    readinessProbe: {{- . | nindent 6 }}
    {{- end }}
    {{- with (include "big.component.probe" (dict "probe" $values.startupProbe)) }}
    startupProbe: {{- . | nindent 6 }}
    {{- end }}
    volumeMounts:
      - name: config
        mountPath: /opt/big/conf
      - name: empty-dir
        mountPath: /tmp
        subPath: tmp-dir
      {{- range $values.extraVolumeMounts }}
      - name: {{ .name }}
        mountPath: {{ .mountPath }}
        {{- if .readOnly }}
        readOnly: true
        {{- end }}
      {{- end }}
  {{- if $values.sidecars }}
  {{- include "common.tplvalues.render" (dict "value" $values.sidecars "context" $ctx) | nindent 2 }}
  {{- end }}
volumes:
  - name: config
    configMap:
      name: {{ include "big.component.fullname" . }}
  - name: empty-dir
    emptyDir: {}
  {{- range $values.extraVolumes }}
  - name: {{ .name }}
    {{- if .configMap }}
    configMap:
      name: {{ tpl .configMap $ctx }}
    {{- else }}
    emptyDir:
      sizeLimit: {{ .sizeLimit | default "1Gi" }}
    {{- end }}
  {{- end }}
{{- end -}}
'''

DEPLOYMENT = r'''{{- $component := "COMP" -}}
{{- $values := index .Values $component -}}
{{- if $values.enabled }}
apiVersion: {{ include "common.capabilities.deployment.apiVersion" . }}
kind: {{ ternary "StatefulSet" "Deployment" $values.persistence.enabled }}
metadata:
  name: {{ include "big.component.fullname" (dict "component" $component "context" $) }}
  namespace: {{ include "common.names.namespace" . | quote }}
  labels: {{- include "big.component.labels" (dict "component" $component "context" $) | nindent 4 }}
  {{- if or $values.annotations .Values.commonAnnotations }}
  {{- $annotations := include "common.tplvalues.merge" (dict "values" (list $values.annotations .Values.commonAnnotations) "context" .) }}
  annotations: {{- include "common.tplvalues.render" (dict "value" $annotations "context" $) | nindent 4 }}
  {{- end }}
spec:
  {{- if not $values.autoscaling.enabled }}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: {{ $values.revisionHistoryLimit | default 10 }}
  {{- if $values.updateStrategy }}
  strategy: {{- toYaml $values.updateStrategy | nindent 4 }}
  {{- end }}
  selector:
    matchLabels: {{- include "big.component.matchLabels" (dict "component" $component "context" $) | nindent 6 }}
  template:
    metadata:
      labels: {{- include "big.component.labels" (dict "component" $component "context" $) | nindent 8 }}
      annotations:
        checksum/config: {{ include (print $.Template.BasePath "/COMP/configmap.yaml") . | sha256sum }}
        checksum/secret: {{ include (print $.Template.BasePath "/COMP/secret.yaml") . | sha256sum }}
        {{- with (include "big.component.annotations" (dict "component" $component "context" $)) }}
        {{- . | nindent 8 }}
        {{- end }}
    spec: {{- include "big.component.podSpec" (dict "component" $component "context" $) | nindent 6 }}
{{- end }}
'''

SERVICE = r'''{{- $component := "COMP" -}}
{{- $values := index .Values $component -}}
{{- if and $values.enabled $values.service.enabled }}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "big.component.fullname" (dict "component" $component "context" $) }}
  namespace: {{ include "common.names.namespace" . | quote }}
  labels: {{- include "big.component.labels" (dict "component" $component "context" $) | nindent 4 }}
  {{- if or $values.service.annotations .Values.commonAnnotations }}
  {{- $annotations := include "common.tplvalues.merge" ( dict "values" ( list $values.service.annotations .Values.commonAnnotations ) "context" . ) }}
  annotations: {{- include "common.tplvalues.render" ( dict "value" $annotations "context" $) | nindent 4 }}
  {{- end }}
spec:
  type: {{ $values.service.type }}
  {{- if and $values.service.clusterIP (eq $values.service.type "ClusterIP") }}
  clusterIP: {{ $values.service.clusterIP }}
  {{- end }}
  {{- if $values.service.sessionAffinity }}
  sessionAffinity: {{ $values.service.sessionAffinity }}
  {{- end }}
  {{- if or (eq $values.service.type "LoadBalancer") (eq $values.service.type "NodePort") }}
  externalTrafficPolicy: {{ $values.service.externalTrafficPolicy | quote }}
  {{- end }}
  ports:
    {{- range $name, $port := $values.service.ports }}
    - name: {{ $name }}
      port: {{ $port }}
      targetPort: {{ $name }}
      {{- if and (eq $values.service.type "NodePort") (hasKey $values.service.nodePorts $name) }}
      nodePort: {{ index $values.service.nodePorts $name }}
      {{- end }}
    {{- end }}
    {{- if $values.service.extraPorts }}
    {{- include "common.tplvalues.render" (dict "value" $values.service.extraPorts "context" $) | nindent 4 }}
    {{- end }}
  selector: {{- include "big.component.matchLabels" (dict "component" $component "context" $) | nindent 4 }}
{{- end }}
'''

CONFIGMAP = r'''{{- $component := "COMP" -}}
{{- $values := index .Values $component -}}
{{- if $values.enabled }}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "big.component.fullname" (dict "component" $component "context" $) }}
  namespace: {{ include "common.names.namespace" . | quote }}
  labels: {{- include "big.component.labels" (dict "component" $component "context" $) | nindent 4 }}
data:
  application.yaml: |
    {{- toYaml $values.config | nindent 4 }}
  settings.json: {{ toJson $values.config | quote }}
  {{- range $key, $value := $values.configFiles }}
  {{ $key }}: |
    {{- tpl $value $ | nindent 4 }}
  {{- end }}
  {{- range $i, $flag := $values.featureFlags }}
  feature-{{ $i }}-{{ $flag.name | lower | replace "_" "-" }}: {{ $flag.enabled | toString | quote }}
  {{- end }}
  hosts: {{ join "," $values.hosts | quote }}
  hosts-sorted: {{ sortAlpha $values.hosts | join " " | quote }}
  summary: {{ printf "%s has %d hosts, %d flags and %d env vars" $component (len $values.hosts) (len $values.featureFlags) (len $values.env) | quote }}
{{- end }}
'''

SECRET = r'''{{- $component := "COMP" -}}
{{- $values := index .Values $component -}}
{{- if $values.enabled }}
apiVersion: v1
kind: Secret
metadata:
  name: {{ include "big.component.fullname" (dict "component" $component "context" $) }}
  namespace: {{ include "common.names.namespace" . | quote }}
  labels: {{- include "big.component.labels" (dict "component" $component "context" $) | nindent 4 }}
type: Opaque
data:
  {{- range $key, $value := $values.secrets }}
  {{ $key }}: {{ $value | toString | b64enc | quote }}
  {{- end }}
  password: {{ printf "%s-%s" $component (include "common.names.fullname" $) | sha256sum | trunc 24 | b64enc | quote }}
stringData:
  connection: {{ printf "postgres://%s:%s@%s:%d/%s" $values.database.user $values.database.user $values.database.host (int $values.database.port) $values.database.name | quote }}
{{- end }}
'''

SERVICEACCOUNT = r'''{{- $component := "COMP" -}}
{{- $values := index .Values $component -}}
{{- if and $values.enabled $values.serviceAccount.create }}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "big.component.serviceAccountName" (dict "component" $component "context" $) }}
  namespace: {{ include "common.names.namespace" . | quote }}
  labels: {{- include "big.component.labels" (dict "component" $component "context" $) | nindent 4 }}
  {{- if or $values.serviceAccount.annotations .Values.commonAnnotations }}
  {{- $annotations := include "common.tplvalues.merge" (dict "values" (list $values.serviceAccount.annotations .Values.commonAnnotations) "context" .) }}
  annotations: {{- include "common.tplvalues.render" (dict "value" $annotations "context" $) | nindent 4 }}
  {{- end }}
automountServiceAccountToken: {{ $values.serviceAccount.automountServiceAccountToken }}
{{- end }}
'''

HPA = r'''{{- $component := "COMP" -}}
{{- $values := index .Values $component -}}
{{- if and $values.enabled $values.autoscaling.enabled }}
apiVersion: {{ include "common.capabilities.hpa.apiVersion" (dict "context" $) }}
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "big.component.fullname" (dict "component" $component "context" $) }}
  namespace: {{ include "common.names.namespace" . | quote }}
  labels: {{- include "big.component.labels" (dict "component" $component "context" $) | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: {{ include "common.capabilities.deployment.apiVersion" . }}
    kind: Deployment
    name: {{ include "big.component.fullname" (dict "component" $component "context" $) }}
  minReplicas: {{ $values.autoscaling.minReplicas }}
  maxReplicas: {{ $values.autoscaling.maxReplicas }}
  metrics:
    {{- if $values.autoscaling.targetCPU }}
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $values.autoscaling.targetCPU }}
    {{- end }}
    {{- if $values.autoscaling.targetMemory }}
    - type: Resource
      resource:
        name: memory
        target:
          type: Utilization
          averageUtilization: {{ $values.autoscaling.targetMemory }}
    {{- end }}
{{- end }}
'''

PDB = r'''{{- $component := "COMP" -}}
{{- $values := index .Values $component -}}
{{- if and $values.enabled $values.pdb.create }}
apiVersion: {{ include "common.capabilities.policy.apiVersion" . }}
kind: PodDisruptionBudget
metadata:
  name: {{ include "big.component.fullname" (dict "component" $component "context" $) }}
  namespace: {{ include "common.names.namespace" . | quote }}
  labels: {{- include "big.component.labels" (dict "component" $component "context" $) | nindent 4 }}
spec:
  {{- if $values.pdb.minAvailable }}
  minAvailable: {{ $values.pdb.minAvailable }}
  {{- end }}
  {{- if or $values.pdb.maxUnavailable (not $values.pdb.minAvailable) }}
  maxUnavailable: {{ $values.pdb.maxUnavailable | default 1 }}
  {{- end }}
  selector:
    matchLabels: {{- include "big.component.matchLabels" (dict "component" $component "context" $) | nindent 6 }}
{{- end }}
'''

NETWORKPOLICY = r'''{{- $component := "COMP" -}}
{{- $values := index .Values $component -}}
{{- if and $values.enabled $values.networkPolicy.enabled }}
kind: NetworkPolicy
apiVersion: networking.k8s.io/v1
metadata:
  name: {{ include "big.component.fullname" (dict "component" $component "context" $) }}
  namespace: {{ include "common.names.namespace" . | quote }}
  labels: {{- include "big.component.labels" (dict "component" $component "context" $) | nindent 4 }}
spec:
  podSelector:
    matchLabels: {{- include "big.component.matchLabels" (dict "component" $component "context" $) | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  {{- if $values.networkPolicy.allowExternalEgress }}
  egress:
    - {}
  {{- else }}
  egress:
    - ports:
        - port: 53
          protocol: UDP
        - port: 53
          protocol: TCP
    {{- range $values.networkPolicy.extraEgress }}
    - {{- toYaml . | nindent 6 }}
    {{- end }}
  {{- end }}
  ingress:
    - ports:
        {{- range $values.containerPorts }}
        - port: {{ .port }}
        {{- end }}
      {{- if not $values.networkPolicy.allowExternal }}
      from:
        - podSelector:
            matchLabels: {{- include "common.labels.matchLabels" (dict "customLabels" $.Values.commonLabels "context" $) | nindent 14 }}
        {{- range $namespace := $values.networkPolicy.ingressNSMatchLabels }}
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: {{ $namespace }}
        {{- end }}
      {{- end }}
{{- end }}
'''

INGRESS = r'''{{- $component := "COMP" -}}
{{- $values := index .Values $component -}}
{{- if and $values.enabled $values.ingress.enabled }}
apiVersion: {{ include "common.capabilities.ingress.apiVersion" . }}
kind: Ingress
metadata:
  name: {{ include "big.component.fullname" (dict "component" $component "context" $) }}
  namespace: {{ include "common.names.namespace" . | quote }}
  labels: {{- include "big.component.labels" (dict "component" $component "context" $) | nindent 4 }}
  {{- if or $values.ingress.annotations .Values.commonAnnotations }}
  {{- $annotations := include "common.tplvalues.merge" ( dict "values" ( list $values.ingress.annotations .Values.commonAnnotations ) "context" . ) }}
  annotations: {{- include "common.tplvalues.render" ( dict "value" $annotations "context" $) | nindent 4 }}
  {{- end }}
spec:
  {{- if $values.ingress.ingressClassName }}
  ingressClassName: {{ $values.ingress.ingressClassName | quote }}
  {{- end }}
  rules:
    {{- range $values.ingress.hosts }}
    - host: {{ tpl .host $ | quote }}
      http:
        paths:
          {{- range .paths }}
          - path: {{ .path }}
            pathType: {{ .pathType | default "ImplementationSpecific" }}
            backend:
              service:
                name: {{ include "big.component.fullname" (dict "component" $component "context" $) }}
                port:
                  name: http
          {{- end }}
    {{- end }}
  {{- if $values.ingress.tls }}
  tls:
    - hosts:
        {{- range $values.ingress.hosts }}
        - {{ tpl .host $ | quote }}
        {{- end }}
      secretName: {{ printf "%s-tls" (include "big.component.fullname" (dict "component" $component "context" $)) }}
  {{- end }}
{{- end }}
'''

SERVICEMONITOR = r'''{{- $component := "COMP" -}}
{{- $values := index .Values $component -}}
{{- if and $values.enabled $values.metrics.enabled $values.metrics.serviceMonitor.enabled }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "big.component.fullname" (dict "component" $component "context" $) }}
  namespace: {{ default (include "common.names.namespace" .) $values.metrics.serviceMonitor.namespace | quote }}
  {{- $labels := include "common.tplvalues.merge" (dict "values" (list $values.metrics.serviceMonitor.labels .Values.commonLabels) "context" .) | fromYaml }}
  labels: {{- include "common.labels.standard" (dict "customLabels" $labels "context" $) | nindent 4 }}
spec:
  jobLabel: {{ $values.metrics.serviceMonitor.jobLabel | quote }}
  selector:
    matchLabels: {{- include "big.component.matchLabels" (dict "component" $component "context" $) | nindent 6 }}
  endpoints:
    - port: metrics
      path: {{ $values.metrics.path | default "/metrics" }}
      {{- with $values.metrics.serviceMonitor.interval }}
      interval: {{ . }}
      {{- end }}
      {{- with $values.metrics.serviceMonitor.scrapeTimeout }}
      scrapeTimeout: {{ . }}
      {{- end }}
      {{- if $values.metrics.serviceMonitor.relabelings }}
      relabelings: {{- include "common.tplvalues.render" (dict "value" $values.metrics.serviceMonitor.relabelings "context" $) | nindent 8 }}
      {{- end }}
  namespaceSelector:
    matchNames:
      - {{ include "common.names.namespace" . | quote }}
{{- end }}
'''

KINDS = {
    "deployment.yaml": DEPLOYMENT,
    "service.yaml": SERVICE,
    "configmap.yaml": CONFIGMAP,
    "secret.yaml": SECRET,
    "serviceaccount.yaml": SERVICEACCOUNT,
    "hpa.yaml": HPA,
    "pdb.yaml": PDB,
    "networkpolicy.yaml": NETWORKPOLICY,
    "ingress.yaml": INGRESS,
    "servicemonitor.yaml": SERVICEMONITOR,
}

EXTRA_LIST = r'''{{- range .Values.extraDeploy }}
---
{{ include "common.tplvalues.render" (dict "value" . "context" $) }}
{{- end }}
'''

NOTES = r'''CHART NAME: {{ .Chart.Name }}
CHART VERSION: {{ .Chart.Version }}
APP VERSION: {{ .Chart.AppVersion }}

{{- range $name := .Values.componentNames }}
{{- $values := index $.Values $name }}
{{- if $values.enabled }}
  * {{ $name }}: {{ include "big.component.fullname" (dict "component" $name "context" $) }}.{{ include "common.names.namespace" $ }}.svc
{{- end }}
{{- end }}
{{- include "common.warnings.resources" (dict "sections" (list "") "context" $) }}
'''


def component_values(i, name):
    """The values block of component i, deliberately large (bitnami-sized)."""
    v = []
    w = v.append
    w("%s:" % name)
    w("  enabled: %s" % ("false" if i % 13 == 7 else "true"))
    w("  replicaCount: %d" % (1 + i % 4))
    w("  revisionHistoryLimit: %d" % (5 + i % 6))
    w("  image:")
    w("    registry: docker.io")
    w("    repository: example/%s" % name)
    w("    tag: 1.%d.%d-debian-12-r%d" % (i % 30, i % 7, i))
    w("    digest: \"\"")
    w("    pullPolicy: IfNotPresent")
    w("    pullSecrets:")
    w("      - %s-registry" % name)
    w("      - name: shared-registry")
    w("  automountServiceAccountToken: %s" % ("true" if i % 2 else "false"))
    w("  command: []")
    w("  args:")
    w("    - --port=8080")
    w("    - --log-level={{ .Values.logLevel }}")
    w("    - --name=%s" % name)
    w("  podAnnotations:")
    for k in range(6):
        w("    annotation.example.com/key-%d: \"value-%d-%d\"" % (k, i, k))
    w("  annotations:")
    w("    owner: team-%d" % (i % 5))
    w("    release: \"{{ .Release.Name }}\"")
    w("  updateStrategy:")
    w("    type: RollingUpdate")
    w("    rollingUpdate:")
    w("      maxSurge: 25%")
    w("      maxUnavailable: 0")
    w("  podAffinityPreset: \"\"")
    w("  podAntiAffinityPreset: %s" % ("soft" if i % 3 else "hard"))
    w("  nodeAffinityPreset:")
    w("    type: %s" % ("soft" if i % 2 else "hard"))
    w("    key: topology.kubernetes.io/zone")
    w("    values: [zone-a, zone-b, zone-c]")
    w("  affinity: {}")
    w("  nodeSelector:")
    w("    kubernetes.io/os: linux")
    w("    node.example.com/pool: pool-%d" % (i % 4))
    w("  tolerations:")
    for k in range(4):
        w("    - key: dedicated-%d" % k)
        w("      operator: Equal")
        w("      value: %s" % name)
        w("      effect: NoSchedule")
    w("  topologySpreadConstraints:")
    w("    - maxSkew: 1")
    w("      topologyKey: topology.kubernetes.io/zone")
    w("      whenUnsatisfiable: ScheduleAnyway")
    w("      labelSelector:")
    w("        matchLabels:")
    w("          app.kubernetes.io/component: %s" % name)
    w("  priorityClassName: %s" % ("high-priority" if i % 4 == 0 else "\"\""))
    w("  hostAliases:")
    w("    - ip: 127.0.0.%d" % (i % 250 + 1))
    w("      hostnames: [\"%s.local\", \"{{ .Release.Name }}-%s.local\"]" % (name, name))
    w("  podSecurityContext:")
    w("    enabled: true")
    w("    fsGroupChangePolicy: Always")
    w("    sysctls: []")
    w("    supplementalGroups: []")
    w("    fsGroup: 1001")
    w("  containerSecurityContext:")
    w("    enabled: true")
    w("    seLinuxOptions: {}")
    w("    runAsUser: 1001")
    w("    runAsGroup: 1001")
    w("    runAsNonRoot: true")
    w("    privileged: false")
    w("    readOnlyRootFilesystem: true")
    w("    allowPrivilegeEscalation: false")
    w("    capabilities:")
    w("      drop: [\"ALL\"]")
    w("    seccompProfile:")
    w("      type: RuntimeDefault")
    w("  initContainers:")
    w("    - name: wait-for-db")
    w("      command: [\"sh\", \"-c\", \"until nc -z db 5432; do sleep 1; done\"]")
    w("      resources:")
    w("        limits: {cpu: 100m, memory: 64Mi}")
    w("    - name: migrate")
    w("      command: [\"/opt/big/bin/migrate\", \"--component=%s\"]" % name)
    w("  containerPorts:")
    w("    - name: http")
    w("      port: %d" % (8080 + i))
    w("    - name: metrics")
    w("      port: %d" % (9090 + i))
    w("    - name: grpc")
    w("      port: %d" % (50051 + i))
    w("      protocol: TCP")
    w("  resourcesPreset: %s" % ["nano", "micro", "small", "medium", "large"][i % 5])
    if i % 3 == 0:
        w("  resources:")
        w("    requests:")
        w("      cpu: %dm" % (100 + 10 * i))
        w("      memory: %dMi" % (128 + 16 * i))
        w("    limits:")
        w("      cpu: \"%d\"" % (1 + i % 3))
        w("      memory: %dGi" % (1 + i % 4))
    else:
        w("  resources: {}")
    for probe, enabled in (("livenessProbe", True), ("readinessProbe", True), ("startupProbe", i % 2 == 0)):
        w("  %s:" % probe)
        w("    enabled: %s" % ("true" if enabled else "false"))
        w("    initialDelaySeconds: %d" % (5 + i % 10))
        w("    periodSeconds: 10")
        w("    timeoutSeconds: 5")
        w("    failureThreshold: 6")
        w("    successThreshold: 1")
    w("  env:")
    for k in range(24):
        w("    - name: setting-%d" % k)
        if k % 8 == 7:
            w("      valueFrom:")
            w("        secretKeyRef:")
            w("          name: %s-secret" % name)
            w("          key: key-%d" % k)
        elif k % 5 == 0:
            w("      value: \"{{ .Release.Name }}-%s-%d\"" % (name, k))
        else:
            w("      value: %s" % (["plain-%d" % k, str(k * 10), "true", "1.5", "'quoted %d'" % k][k % 5]))
    w("  extraEnvVars:")
    w("    - name: EXTRA_ONE")
    w("      value: \"{{ .Chart.Name }}\"")
    w("    - name: EXTRA_TWO")
    w("      value: two")
    w("  extraVolumes:")
    for k in range(3):
        w("    - name: extra-%d" % k)
        if k == 0:
            w("      configMap: \"{{ .Release.Name }}-extra\"")
        else:
            w("      sizeLimit: %dGi" % k)
    w("  extraVolumeMounts:")
    for k in range(3):
        w("    - name: extra-%d" % k)
        w("      mountPath: /mnt/extra-%d" % k)
        w("      readOnly: %s" % ("true" if k % 2 else "false"))
    w("  sidecars:")
    w("    - name: log-shipper")
    w("      image: example/shipper:2.1.0")
    w("      args: [\"--source=/var/log/%s\", \"--release={{ .Release.Name }}\"]" % name)
    w("  serviceAccount:")
    w("    create: %s" % ("false" if i % 6 == 5 else "true"))
    w("    name: \"\"")
    w("    automountServiceAccountToken: false")
    w("    annotations:")
    w("      eks.amazonaws.com/role-arn: arn:aws:iam::123456789012:role/%s" % name)
    w("  service:")
    w("    enabled: true")
    w("    type: %s" % ["ClusterIP", "NodePort", "LoadBalancer"][i % 3])
    w("    clusterIP: \"\"")
    w("    sessionAffinity: None")
    w("    externalTrafficPolicy: Cluster")
    w("    ports:")
    w("      http: 80")
    w("      metrics: 9090")
    w("      grpc: 50051")
    w("    nodePorts:")
    w("      http: %d" % (30000 + i))
    w("    annotations:")
    w("      service.example.com/scrape: \"true\"")
    w("    extraPorts: []")
    w("  autoscaling:")
    w("    enabled: %s" % ("true" if i % 2 == 0 else "false"))
    w("    minReplicas: 2")
    w("    maxReplicas: %d" % (4 + i % 8))
    w("    targetCPU: 75")
    w("    targetMemory: %s" % ("80" if i % 4 == 0 else "\"\""))
    w("  pdb:")
    w("    create: true")
    w("    minAvailable: %s" % ("1" if i % 2 else "\"\""))
    w("    maxUnavailable: \"\"")
    w("  networkPolicy:")
    w("    enabled: true")
    w("    allowExternal: %s" % ("true" if i % 5 == 0 else "false"))
    w("    allowExternalEgress: %s" % ("true" if i % 4 == 1 else "false"))
    w("    extraEgress:")
    w("      - to:")
    w("          - ipBlock:")
    w("              cidr: 10.%d.0.0/16" % (i % 250))
    w("        ports:")
    w("          - port: 443")
    w("    ingressNSMatchLabels: [default, monitoring, ingress-%d]" % (i % 3))
    w("  ingress:")
    w("    enabled: %s" % ("true" if i % 3 != 2 else "false"))
    w("    ingressClassName: nginx")
    w("    annotations:")
    w("      nginx.ingress.kubernetes.io/proxy-body-size: 8m")
    w("      cert-manager.io/cluster-issuer: \"{{ .Values.global.issuer }}\"")
    w("    tls: %s" % ("true" if i % 2 else "false"))
    w("    hosts:")
    for k in range(3):
        w("      - host: \"%s-%d.{{ .Values.global.domain }}\"" % (name, k))
        w("        paths:")
        w("          - path: /")
        w("            pathType: Prefix")
        w("          - path: /api/v%d" % (k + 1))
    w("  metrics:")
    w("    enabled: true")
    w("    path: /metrics")
    w("    serviceMonitor:")
    w("      enabled: %s" % ("true" if i % 2 else "false"))
    w("      namespace: \"\"")
    w("      jobLabel: app.kubernetes.io/component")
    w("      interval: 30s")
    w("      scrapeTimeout: \"\"")
    w("      labels:")
    w("        release: prometheus")
    w("      relabelings:")
    w("        - sourceLabels: [__meta_kubernetes_pod_node_name]")
    w("          targetLabel: node")
    w("  persistence:")
    w("    enabled: %s" % ("true" if i % 7 == 0 else "false"))
    w("    size: 8Gi")
    w("  database:")
    w("    host: db-%d.example.com" % i)
    w("    port: %d" % (5432 + i))
    w("    name: %s" % name.replace("-", "_"))
    w("    user: %s_user" % name.replace("-", "_"))
    w("  secrets:")
    for k in range(8):
        w("    key-%d: secret-value-%d-%d" % (k, i, k))
    w("  hosts:")
    for k in range(12):
        w("    - host-%02d.%s.example.com" % ((k * 7 + i) % 12, name))
    w("  featureFlags:")
    for k in range(10):
        w("    - name: FLAG_%s_%d" % (name.upper().replace("-", "_"), k))
        w("      enabled: %s" % ("true" if (k + i) % 3 else "false"))
    w("  configFiles:")
    w("    logging.conf: |")
    w("      level={{ .Values.logLevel }}")
    w("      release={{ .Release.Name }}")
    w("      component=%s" % name)
    w("    app.properties: |")
    for k in range(6):
        w("      property.%d=value-%d" % (k, k))
    w("  config:")
    w("    server:")
    w("      port: %d" % (8080 + i))
    w("      host: 0.0.0.0")
    w("      timeouts: {read: 30s, write: 30s, idle: 120s}")
    w("      tls:")
    w("        enabled: %s" % ("true" if i % 2 else "false"))
    w("        minVersion: \"1.2\"")
    w("        ciphers: [TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384, TLS_CHACHA20_POLY1305_SHA256]")
    w("    database:")
    w("      pool: {min: 2, max: %d, idleTimeout: 300}" % (10 + i))
    w("      replicas:")
    for k in range(4):
        w("        - host: replica-%d.db.example.com" % k)
        w("          weight: %s" % (["1", "0.5", "2.25", "1e3"][k]))
    w("    cache:")
    w("      enabled: true")
    w("      ttl: 3600")
    w("      sizes: [64, 128, 256, 512, 1024]")
    w("    features:")
    for k in range(16):
        w("      feature_%02d: {enabled: %s, rollout: %d, owners: [alice, bob]}" % (k, "true" if k % 2 else "false", k * 5))
    w("    limits:")
    for k in range(10):
        w("      tier%d: {requests: %d, burst: %d, window: \"%ds\"}" % (k, 100 * (k + 1), 150 * (k + 1), 10 * (k + 1)))
    w("    description: >")
    w("      A long folded description of component %s that spans several lines in the" % name)
    w("      values file so that the encoder has to deal with long strings when it prints")
    w("      the configuration block back out as YAML and JSON.")
    return "\n".join(v) + "\n"


def values_yaml(components):
    out = ["# Values for the big benchmark chart.",
           "global:",
           "  imageRegistry: \"\"",
           "  imagePullSecrets: [global-registry]",
           "  storageClass: \"\"",
           "  domain: example.org",
           "  issuer: letsencrypt",
           "  compatibility:",
           "    openshift:",
           "      adaptSecurityContext: auto",
           "kubeVersion: \"\"",
           "nameOverride: \"\"",
           "fullnameOverride: \"\"",
           "namespaceOverride: \"\"",
           "logLevel: info",
           "commonLabels:",
           "  team: platform",
           "  cost-center: \"1234\"",
           "commonAnnotations:",
           "  docs.example.com/url: https://docs.example.com/{{ .Release.Name }}",
           "componentNames:"]
    out += ["  - %s" % c for c in components]
    out.append("extraDeploy:")
    for k in range(20):
        out += ["  - apiVersion: v1",
                "    kind: ConfigMap",
                "    metadata:",
                "      name: \"{{ include \\\"common.names.fullname\\\" . }}-extra-%d\"" % k,
                "      labels:",
                "        app.kubernetes.io/instance: \"{{ .Release.Name }}\"",
                "    data:",
                "      index: \"%d\"" % k,
                "      greeting: \"hello from {{ .Chart.Name }} {{ .Chart.Version }}\""]
    text = "\n".join(out) + "\n"
    for i, c in enumerate(components):
        text += component_values(i, c)
    return text


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    out = argv[0]
    n = 40
    if "--components" in argv:
        n = int(argv[argv.index("--components") + 1])
    words = ["api", "worker", "scheduler", "gateway", "auth", "billing", "search", "indexer",
             "notifier", "mailer", "reports", "frontend", "admin", "cache", "queue", "events",
             "metrics", "audit", "storage", "media"]
    components = ["%s-%d" % (words[i % len(words)], i // len(words)) for i in range(n)]
    root = os.path.join(out, "big")
    write(os.path.join(root, "Chart.yaml"), chart_yaml(components))
    write(os.path.join(root, "values.yaml"), values_yaml(components))
    write(os.path.join(root, ".helmignore"), "# Patterns to ignore when packaging.\n.git/\n*.swp\n")
    write(os.path.join(root, "templates", "_helpers.tpl"), HELPERS)
    write(os.path.join(root, "templates", "NOTES.txt"), NOTES)
    write(os.path.join(root, "templates", "extra-list.yaml"), EXTRA_LIST)
    for c in components:
        for kind, text in KINDS.items():
            write(os.path.join(root, "templates", c, kind), text.replace("COMP", c))
    common = os.path.join(root, "charts", "common")
    write(os.path.join(common, "Chart.yaml"), COMMON_CHART)
    write(os.path.join(common, "values.yaml"), "exampleValue: common-chart\n")
    for name, text in COMMON.items():
        write(os.path.join(common, "templates", name), text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
