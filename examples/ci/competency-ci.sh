#!/usr/bin/env bash
# The competency checks for any CI system: install, unit + nag tests, synth, evidence pack, fail on any Not-met item.
# Settings (environment): CHECKLIST (networking | microsoft-workloads), DEPLOYMENT_MODEL, CATEGORIES (comma-separated),
# SUBCATEGORIES (comma-separated; microsoft-workloads categories are claimed by subcategory, e.g.
# ms-migration.pre-migration-assessment), ATTESTATIONS (file, optional), EVIDENCE_DIR (default evidence). Keep $EVIDENCE_DIR as the build artifact.
set -euo pipefail

: "${CHECKLIST:?set CHECKLIST to networking or microsoft-workloads}"
: "${DEPLOYMENT_MODEL:?set DEPLOYMENT_MODEL, e.g. saas}"
EVIDENCE_DIR=${EVIDENCE_DIR:-evidence}

npm install --no-audit --no-fund
npm test                                   # unit tests, including toBeCompetencyCompliant assertions
npx cdk synth --no-notices --quiet         # the packs registered in your app fail the synth on any unacknowledged error

args=(report --assembly cdk.out --checklist "$CHECKLIST" --deployment-model "$DEPLOYMENT_MODEL" --out "$EVIDENCE_DIR")
[ -n "${CATEGORIES:-}" ] && args+=(--categories "$CATEGORIES")
[ -n "${SUBCATEGORIES:-}" ] && args+=(--subcategories "$SUBCATEGORIES")
[ -n "${ATTESTATIONS:-}" ] && args+=(--attestations "$ATTESTATIONS")

# Exit code 0: every applicable item is Met; 1: some item is Not met (the build fails); 2: bad input.
npx cdk-competency "${args[@]}"
