#!/usr/bin/env bash
# Review the argument maps a pull request changes: check every map, draw each changed one,
# and write what changed, claim by claim, as Markdown for the pull request's summary.
#
#   review-maps.sh BASE [OUT_DIR]
#
# BASE is the commit the pull request starts from (e.g. origin/main). Pictures go to
# OUT_DIR (default: rendered/). The summary goes to $GITHUB_STEP_SUMMARY when set, else stdout.
# Exit status: 0 when every map passes `argmap check`, 1 otherwise.
set -uo pipefail

base=${1:?usage: review-maps.sh BASE [OUT_DIR]}
out_dir=${2:-rendered}
summary=${GITHUB_STEP_SUMMARY:-/dev/stdout}
mkdir -p "$out_dir"

mapfile -t all_maps < <(git ls-files -- '*.argmap.json')
mapfile -t changed < <(git diff --name-only --diff-filter=AM "$base"...HEAD -- '*.argmap.json')

status=0
{
  echo "## Argument maps"
  echo
  if ((${#all_maps[@]})); then
    if argmap check --no-hints "${all_maps[@]}" >check.txt 2>&1; then
      echo "All ${#all_maps[@]} maps pass \`argmap check\`."
    else
      status=1
      echo "\`argmap check\` found problems:"
      echo
      echo '```text'
      cat check.txt
      echo '```'
    fi
    rm -f check.txt
  else
    echo "No maps in this repository."
  fi
  for map in "${changed[@]}"; do
    name=$(basename "$map" .argmap.json)
    echo
    echo "### \`$map\`"
    echo
    argmap render "$map" -o "$out_dir/$name.svg" >/dev/null 2>&1 || echo "(could not draw \`$map\`)"
    if git cat-file -e "$base:$map" 2>/dev/null; then
      argmap diff "$base:$map" "$map" >diff.txt 2>&1
      case $? in
        0) echo "No claim changed (only formatting)." ;;
        1) echo '```text'; cat diff.txt; echo '```' ;;
        *) echo "\`argmap diff\` failed:"; echo '```text'; cat diff.txt; echo '```' ;;
      esac
      rm -f diff.txt
    else
      echo "A new map:"
      echo
      echo '```text'
      argmap show "$map"
      echo '```'
    fi
  done
} >>"$summary"
exit "$status"
