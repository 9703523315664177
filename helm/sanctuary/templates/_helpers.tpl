{{/* The effective settings of one service: its own keys over the shared default block. */}}
{{- define "sanctuary.service" -}}
{{- $merged := mergeOverwrite (deepCopy .root.Values.default) .values -}}
{{- toYaml $merged -}}
{{- end -}}

{{- define "sanctuary.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/part-of: sanctuary
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
{{- end -}}

{{/* Environment every service reads (see each application.yml). */}}
{{- define "sanctuary.env" -}}
- name: SANCTUARY_PORT
  value: {{ .svc.port | quote }}
- name: SANCTUARY_JWKS_URL
  value: {{ .root.Values.global.keycloak.jwksUrl | quote }}
- name: SANCTUARY_ISSUER
  value: {{ .root.Values.global.keycloak.issuer | quote }}
- name: JAVA_TOOL_OPTIONS
  value: {{ .svc.javaOpts | quote }}
{{- if .svc.database }}
- name: SANCTUARY_DB_URL
  value: {{ printf "jdbc:postgresql://%s:%v/%s" .root.Values.global.postgres.host .root.Values.global.postgres.port .svc.database.name | quote }}
- name: SANCTUARY_DB_USER
  value: {{ printf "%s_app" .svc.database.name | quote }}
- name: SANCTUARY_DB_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ .svc.database.existingSecret }}, key: app-password}}
- name: SANCTUARY_MASTER_KEY
  valueFrom: {secretKeyRef: {name: {{ .root.Values.global.cryptoSecret }}, key: master-key}}
{{- end }}
{{- if and .svc.public .root.Values.global.consoleOrigin }}
- name: SANCTUARY_CONSOLE_ORIGIN
  value: {{ .root.Values.global.consoleOrigin | quote }}
{{- else if .svc.public }}
# no browser origin besides the gateway's own: CORS off
- name: SANCTUARY_CORS_ENABLED
  value: "false"
{{- end }}
{{- range $key, $value := .svc.env }}
- name: {{ $key }}
  value: {{ $value | quote }}
{{- end }}
{{- range $key, $ref := .svc.secretEnv }}
- name: {{ $key }}
  valueFrom: {secretKeyRef: {name: {{ $ref.secret }}, key: {{ $ref.key }}}}
{{- end }}
{{- end -}}

{{/* The schema owner's credentials: only the migration job gets them, never a Deployment. */}}
{{- define "sanctuary.ownerEnv" -}}
- name: SANCTUARY_DB_OWNER
  value: {{ printf "%s_owner" .svc.database.name | quote }}
- name: SANCTUARY_DB_OWNER_PASSWORD
  valueFrom: {secretKeyRef: {name: {{ .svc.database.existingSecret }}, key: owner-password}}
{{- end -}}

{{/* Monitoring (values global.networkPolicy.monitoring) may reach the management port: /metrics. */}}
{{- define "sanctuary.monitoringIngress" -}}
- from:
    {{- toYaml .root.Values.global.networkPolicy.monitoring | nindent 4 }}
  ports:
    - {protocol: TCP, port: {{ .svc.managementPort }}}
{{- end -}}

{{- define "sanctuary.securityContext" -}}
runAsNonRoot: true
runAsUser: 10001
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities: {drop: [ALL]}
seccompProfile: {type: RuntimeDefault}
{{- end -}}
