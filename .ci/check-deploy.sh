#!/usr/bin/env bash
# Checks the deployment files without a cluster, a Docker engine or any network beyond Debian's and
# Maven's registries. One OK/FAIL line per check; exit status 1 when any check failed.
#
#   compose      docker-compose.yml is valid (`docker compose config -q`, else Debian's docker-compose,
#                installed when absent)
#   dockerfiles  every service has services/<name>/src/main/docker/Dockerfile, built by docker-compose.yml,
#                non-root, with a HEALTHCHECK, and clean under dockerfile-utils' linter (npm, pinned in
#                deploy/tools/dockerfile-lint): no engine here can build them
#   render       every overlay, alone and with every component it does not include itself, renders
#                with `kubectl kustomize`
#   topics       every topic of shared-events' Topics.java and every consumer's dead-letter topic is
#                declared in components/strimzi-topics
#   scalers      components/keda scales each service on exactly the topics it consumes, with its
#                consumer group
#   schema / references / policy
#                each render, validated by deploy/tools/manifest-validator (built with the Maven
#                wrapper): Kubernetes 1.32 API schemas (strict) and bundled CRD schemas (Strimzi
#                KafkaTopic, KEDA ScaledObject), references between objects (selectors, ports, volumes,
#                ConfigMaps/Secrets, NetworkPolicy selectors and ports, ScaledObject targets, Kafka
#                topics and bootstrap servers), the pod hardening and autoscaling rules
#
# Usage: .ci/check-deploy.sh   (no arguments; safe to run unattended, reads no stdin)
set -uo pipefail
exec </dev/null

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
K8S=deploy/kubernetes
VALIDATOR=deploy/tools/manifest-validator
DOCKERFILE_LINT=deploy/tools/dockerfile-lint
# Objects an overlay expects in the cluster rather than in its render (created out of band).
declare -A EXTERNAL_SECRETS=([prod]="liftguard-secrets")

start=$SECONDS
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
passed=0
failed=0

ok() { echo "OK   $*"; passed=$((passed + 1)); }
fail() { echo "FAIL $*"; failed=$((failed + 1)); }
# Indented detail under a FAIL line.
detail() { sed 's/^/       /' "$@"; }

as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }

apt_install() {
  echo "check-deploy: installing $* (apt)" >&2
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq >&2 && as_root apt-get install -y -qq "$@" >&2
}

find_jdk() {
  local home major
  for home in ${JAVA_HOME:+"$JAVA_HOME"} $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's#/$##' | sort -rV); do
    [[ -x "$home/bin/java" && -x "$home/bin/javac" ]] || continue
    major="$("$home/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')"
    if [[ -n "$major" && "$major" -ge 21 ]]; then
      export JAVA_HOME="$home" PATH="$home/bin:$PATH"
      return 0
    fi
  done
  return 1
}

# --- docker-compose.yml ------------------------------------------------------------------------
check_compose() {
  local compose=()
  if docker compose version >/dev/null 2>&1; then
    compose=(docker compose)
  else
    command -v docker-compose >/dev/null 2>&1 || apt_install docker-compose || true
    command -v docker-compose >/dev/null 2>&1 && compose=(docker-compose)
  fi
  if (( ${#compose[@]} == 0 )); then
    fail "compose: neither 'docker compose' nor docker-compose is available (apt install failed)"
    return
  fi
  if "${compose[@]}" -f docker-compose.yml config -q >"$WORK/compose.log" 2>&1; then
    ok "compose: docker-compose.yml (${compose[*]} config -q)"
  else
    fail "compose: docker-compose.yml (${compose[*]} config -q)"
    detail "$WORK/compose.log"
  fi
}

# --- Dockerfiles ---------------------------------------------------------------------------------
check_dockerfiles() {
  local problems=() dockerfiles=() dir name dockerfile
  for dir in services/*/; do
    name="$(basename "$dir")"
    dockerfile="services/$name/src/main/docker/Dockerfile"
    if [[ ! -f "$dockerfile" ]]; then
      problems+=("$name: no $dockerfile")
      continue
    fi
    dockerfiles+=("$dockerfile")
    grep -q -- "-pl services/$name " "$dockerfile" || problems+=("$dockerfile does not build services/$name")
    grep -q '^USER ' "$dockerfile" || problems+=("$dockerfile runs as root (no USER)")
    grep -q '^HEALTHCHECK ' "$dockerfile" || problems+=("$dockerfile has no HEALTHCHECK")
    grep -q "dockerfile: $dockerfile\$" docker-compose.yml || problems+=("docker-compose.yml does not build $dockerfile")
  done
  if ! npm ci --prefix "$DOCKERFILE_LINT" --no-audit --no-fund --loglevel=error >"$WORK/npm.log" 2>&1; then
    problems+=("npm ci in $DOCKERFILE_LINT failed: $(tail -n 3 "$WORK/npm.log" | tr '\n' ' ')")
  else
    for dockerfile in "${dockerfiles[@]}"; do
      if ! "$DOCKERFILE_LINT/node_modules/.bin/dockerfile-utils" lint "$dockerfile" >"$WORK/lint.log" 2>&1; then
        problems+=("$dockerfile:" "$(sed 's/^/  /' "$WORK/lint.log")")
      fi
    done
  fi
  if (( ${#problems[@]} == 0 )); then
    ok "dockerfiles: ${#dockerfiles[@]} services (structure, dockerfile-utils lint)"
  else
    fail "dockerfiles"
    printf '%s\n' "${problems[@]}" | detail
  fi
}

# --- kustomize renders ---------------------------------------------------------------------------
RENDER_ARGS=()

# $1 label, $2 kustomization dir, $3 overlay name (for external objects)
render() {
  local label="$1" dir="$2" overlay="$3" out
  out="$WORK/render-$(echo "$label" | tr '/+' '__').yaml"
  if kubectl kustomize "$dir" >"$out" 2>"$WORK/render.log"; then
    ok "render: $label"
    RENDER_ARGS+=(--render "$label" "$out")
    local secret
    for secret in ${EXTERNAL_SECRETS[$overlay]:-}; do
      RENDER_ARGS+=(--external-secret "$secret")
    done
  else
    fail "render: $label"
    detail "$WORK/render.log"
  fi
}

# $1 overlay dir, $2 component dir: whether the overlay's kustomization lists the component (block list
# `components:` followed by `  - path` lines, the style of these overlays).
overlay_includes() {
  local listed
  while IFS= read -r listed; do
    [[ "$(realpath -m "$1/$listed")" == "$(realpath -m "$2")" ]] && return 0
  done < <(awk '/^components:/ {in_list = 1; next} in_list && /^[[:space:]]*-/ {sub(/^[[:space:]]*-[[:space:]]*/, ""); sub(/[[:space:]]*(#.*)?$/, ""); print; next} in_list && /^[^[:space:]#]/ {in_list = 0}' "$1/kustomization.yaml")
  return 1
}

check_renders() {
  if ! command -v kubectl >/dev/null 2>&1; then
    fail "render: kubectl (with kustomize) is not installed"
    return
  fi
  local overlay component name wrapper namespace
  for overlay in "$K8S"/overlays/*/; do
    overlay="${overlay%/}"
    name="$(basename "$overlay")"
    render "overlays/$name" "$overlay" "$name"
    for component in "$K8S"/components/*/; do
      component="${component%/}"
      # Already in the overlay's own render (a component added twice would duplicate its objects).
      overlay_includes "$overlay" "$component" && continue
      # Components are opted into by an overlay; a throw-away kustomization does the same here, with
      # the overlay's namespace so the component's objects land where they would.
      wrapper="$WORK/with-$name-$(basename "$component")"
      mkdir -p "$wrapper"
      namespace="$(awk '/^namespace:/ {print $2; exit}' "$overlay/kustomization.yaml")"
      {
        echo "apiVersion: kustomize.config.k8s.io/v1beta1"
        echo "kind: Kustomization"
        [[ -n "$namespace" ]] && echo "namespace: $namespace"
        echo "resources: [$(realpath --relative-to="$wrapper" "$overlay")]"
        echo "components: [$(realpath --relative-to="$wrapper" "$component")]"
      } >"$wrapper/kustomization.yaml"
      render "overlays/$name+components/$(basename "$component")" "$wrapper" "$name"
    done
  done
}

# --- topics declared for Strimzi -----------------------------------------------------------------
check_topics() {
  local topics_yaml="$K8S/components/strimzi-topics/topics.yaml" missing=() topic
  [[ -f "$topics_yaml" ]] || { fail "topics: $topics_yaml is missing"; return; }
  local declared; declared="$(awk '$1 == "topicName:" {print $2}' "$topics_yaml" | sort -u)"
  local wanted
  wanted="$( { sed -n 's/.*static final String [A-Z_]* = "\([^"]*\)".*/\1/p' shared-events/src/main/java/com/liftguard/events/Topics.java
               cat services/*/src/main/resources/application.properties 2>/dev/null \
                 | sed -n 's/^mp\.messaging\.incoming\.[^.]*\.dead-letter-queue\.topic=\(.*\)$/\1/p'; } \
             | tr -d '\r' | sort -u)"
  for topic in $wanted; do
    grep -qxF "$topic" <<<"$declared" || missing+=("$topic")
  done
  if (( ${#missing[@]} == 0 )); then
    ok "topics: $(wc -l <<<"$wanted") topics of Topics.java and the DLQ settings are declared ($(wc -l <<<"$declared") KafkaTopics)"
  else
    fail "topics: not declared in $topics_yaml"
    printf '%s\n' "${missing[@]}" | detail
  fi
}

# --- KEDA triggers against the services' consumers -------------------------------------------------
# components/keda/<service>.yaml must scale on exactly the topics the service consumes
# (mp.messaging.incoming.*.topic) with its consumer group (mp.messaging.connector.smallrye-kafka.group.id):
# a channel added to a service without a trigger would lag unseen.
check_scalers() {
  local dir="$K8S/components/keda" problems=() service properties file group want have line
  [[ -d "$dir" ]] || { fail "scalers: $dir is missing"; return; }
  for properties in services/*/src/main/resources/application.properties; do
    service="$(basename "$(dirname "$(dirname "$(dirname "$(dirname "$properties")")")")")"
    want="$(sed -n 's/^mp\.messaging\.incoming\.[^.]*\.topic=\(.*\)$/\1/p' "$properties" | tr -d '\r' | sort -u)"
    [[ -n "$want" ]] || continue
    file="$dir/$service.yaml"
    if [[ ! -f "$file" ]]; then
      problems+=("$service consumes $(echo $want | tr ' ' ','), but $file is missing")
      continue
    fi
    group="$(sed -n 's/^mp\.messaging\.connector\.smallrye-kafka\.group\.id=\(.*\)$/\1/p' "$properties" | tr -d '\r' | tail -n 1)"
    have="$(awk '$1 == "topic:" {print $2}' "$file" | tr -d '"'"'"'\r' | sort -u)"
    [[ "$want" == "$have" ]] || problems+=("$file: topics [$(echo $have)], $service consumes [$(echo $want)]")
    while IFS= read -r line; do
      [[ "$line" == "$group" ]] || problems+=("$file: consumerGroup $line, $service's group.id is ${group:-unset}")
    done < <(awk '$1 == "consumerGroup:" {print $2}' "$file" | tr -d '"'"'"'\r' | sort -u)
  done
  if (( ${#problems[@]} == 0 )); then
    ok "scalers: every consumed topic has a kafka trigger with the service's consumer group"
  else
    fail "scalers"
    printf '%s\n' "${problems[@]}" | detail
  fi
}

# --- schema / references / policy ----------------------------------------------------------------
check_manifests() {
  if (( ${#RENDER_ARGS[@]} == 0 )); then
    fail "schema: nothing rendered to validate"
    return
  fi
  if ! find_jdk; then
    fail "schema: no JDK 21 or newer (JAVA_HOME or /usr/lib/jvm) to run the manifest validator"
    return
  fi
  if ! ./mvnw -B -q -f "$VALIDATOR/pom.xml" package >"$WORK/validator-build.log" 2>&1; then
    fail "schema: building $VALIDATOR failed"
    detail "$WORK/validator-build.log"
    return
  fi
  local line
  while IFS= read -r line; do
    echo "$line"
    case "$line" in
      "OK   "*) passed=$((passed + 1)) ;;
      "FAIL "*) failed=$((failed + 1)) ;;
    esac
  done < <(java -cp "$VALIDATOR/target/classes:$VALIDATOR/target/lib/*" com.liftguard.deploy.ValidateManifests "${RENDER_ARGS[@]}" 2>&1)
  # A crash prints no FAIL line: count it.
  wait $! || { (( failed > 0 )) || fail "schema: the validator exited abnormally"; }
}

check_compose
check_dockerfiles
check_renders
check_topics
check_scalers
check_manifests

echo "check-deploy: $passed OK, $failed FAIL in $((SECONDS - start)) s"
(( failed == 0 ))
