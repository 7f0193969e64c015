#!/usr/bin/env bash
# Rewrites the golden files (Tests/Golden/*.txt) from the current templates, sample data and
# plain-text writer, then shows what changed. Review the diff like code before committing it.
#
#   Scripts/update-golden.sh     # build, rewrite, list what changed (git diff --stat / git status)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --build-tests
TRAME_UPDATE_GOLDEN=1 swift test --skip-build --filter 'GoldenFileTests'
git --no-pager diff --stat -- Tests/Golden
git status --short -- Tests/Golden
echo "Review: git diff Tests/Golden — then commit the golden files with the change that explains them."
